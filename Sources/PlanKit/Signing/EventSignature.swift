import Foundation
import GitKit
import Localization
import SSHSig

/// What an event's signature file proves on its own, before asking whose key it is.
public enum EventSignatureState: Sendable, Equatable {
    /// There is no `<id>.sig` beside the event.
    case unsigned
    /// A valid SSHSIG (namespace `nap-event`) over the event file's exact bytes, made by this key.
    case signed(SSHPublicKey)
    /// The signature is garbled, truncated, made for another namespace or over other bytes.
    case invalid(reason: Message)
}

/// An event's signature judged against the key members.yml gave its author.
public struct SignatureCheck: Sendable, Equatable {
    /// The outcome, as scripts see it (`nap show --json`, `nap verify --json`).
    public enum Verdict: String, Sendable, Equatable {
        /// Signed by the key members.yml listed for the author.
        case good
        /// No signature.
        case unsigned
        /// A valid signature, but by a key that is not the author's in members.yml (or the author has none).
        case wrongKey = "wrong-key"
        /// Not a valid signature over these bytes.
        case invalid
    }

    public let verdict: Verdict
    /// The fingerprint of the key that signed, when the signature is readable and valid.
    public let fingerprint: String?
    /// The fingerprint of the key members.yml gave the author, when it gives one.
    public let expectedFingerprint: String?
    /// One sentence for people (English in `--json`: `Message` encodes as English).
    public let explanation: Message

    /// Judges `state` for an event by `author`, whose registered key (from members.yml in force) is `expected`.
    public init(state: EventSignatureState, author: String, expected: SSHPublicKey?) {
        expectedFingerprint = expected?.fingerprint
        switch state {
        case .unsigned:
            verdict = .unsigned
            fingerprint = nil
            explanation = L("unsigned")
        case .invalid(let reason):
            verdict = .invalid
            fingerprint = nil
            explanation = L("the signature is invalid: \(reason)")
        case .signed(let key) where key == expected:
            verdict = .good
            fingerprint = key.fingerprint
            explanation = L("signed by \(author)'s key (\(key.fingerprint))")
        case .signed(let key):
            verdict = .wrongKey
            fingerprint = key.fingerprint
            explanation = expected == nil
                ? L("signed by key \(key.fingerprint), but members.yml lists no key for \(author)")
                : L("signed by a key that is not \(author)'s key (\(key.fingerprint))")
        }
    }
}

extension Record {
    /// Checks an event's signature against the event file's bytes in the record (namespace `nap-event`).
    /// Pure cryptography: whether the key is the author's is `SignatureCheck`'s question.
    public func signatureState(of event: Event, in tree: ObjectID? = nil) throws -> EventSignatureState {
        try signatureState(event: event.id, proposal: event.proposalID, signature: event.signature, in: tree)
    }

    /// Like `signatureState(of:in:)`, for an event known by its id, its proposal and its signature text.
    public func signatureState(event: EventID, proposal: EventID, signature: String?, in tree: ObjectID? = nil) throws -> EventSignatureState {
        guard let armored = signature else { return .unsigned }
        guard let root = try tree ?? self.tree() else { return .unsigned }
        let path = Record.path(of: event, proposal: proposal)
        guard let bytes = try PlanError.wrap({ try repository.fileData(tree: root, path: path) }) else {
            return .invalid(reason: L("the event file \(path) is missing"))
        }
        return Self.signatureState(armored: armored, message: bytes, namespace: SigningNamespace.event)
    }

    /// Checks an armored SSHSIG over `message` in `namespace` (each distinct check once per process: `SignatureMemo`).
    static func signatureState(armored: String, message: [UInt8], namespace: String) -> EventSignatureState {
        SignatureMemo.state(armored: armored, message: message, namespace: namespace) {
            do throws(SSHSigError) {
                return .signed(try SSHSignature.verify(armored: armored, message: message, namespace: namespace))
            } catch {
                // SSHSig's own words, in English (it is a library of its own, without nap's messages).
                return .invalid(reason: Message(verbatim: error.description))
            }
        }
    }
}
