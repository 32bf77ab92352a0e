/// Who vouches for each part of a proposal's state: the author, or the host that wrote it for them.
extension CommentState {
    public var attestation: Attestation { author.attestation }
}

extension Review {
    public var attestation: Attestation { author.attestation }
}

extension ReasonedResponse {
    public var attestation: Attestation { author.attestation }
}
