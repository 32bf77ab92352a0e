import GitKit
import Localization

extension Verifier {
    /// Why a merge committed by a host (`nap serve`, for a co-chair signed in there) is not a gated merge:
    /// hosts merge only where the policy counts host-attested approvals, and only for a co-chair named in
    /// the `On-behalf-of:` trailer, who is also the commit's author. The commit's signature is the host's
    /// (checked with every commit's).
    func hostMergeProblem(_ commit: Commit, host: Member, members: Members, policy: Policy, trailers: MergeTrailers) -> Message? {
        guard policy.hostAttestedApprovals else {
            return L("it was committed by host \(host.id), and the policy before it did not count host-attested approvals (host-attested-approvals: false), so hosts do not merge")
        }
        guard let email = trailers.onBehalfOf, let chair = members.member(email: email), chair.role == .coChair else {
            return L("it was committed by host \(host.id) without an On-behalf-of trailer naming a co-chair in members.yml")
        }
        guard commit.author.email.lowercased() == chair.email.lowercased() else {
            return L("it was committed by host \(host.id) on behalf of \(chair.name), but its author is \(Self.person(commit.author))")
        }
        return nil
    }
}
