import Foundation
import GitKit
import Localization

/// One thing `nap verify` found about the plan's history.
public struct VerificationFinding: Sendable, Equatable {
    /// Failures make `nap verify` exit 1; notices are shown and change nothing.
    public enum Severity: String, Sendable, Equatable {
        case failure
        case notice
    }

    /// What kind of finding (stable names for scripts; docs/SIGNING.md).
    public enum Kind: String, Sendable, Equatable {
        /// A commit on main's first-parent line after the founding that is not a gated merge.
        case bypassedGate = "bypassed-gate"
        /// Such a commit that changes members.yml or plan.yml: the forum or its rules changed outside the gate.
        case governanceBypass = "governance-bypass"
        /// A merge whose trailers, content or author do not match the record.
        case mergeMismatch = "merge-mismatch"
        /// A co-chair's approval of exactly the merged head is not in the record.
        case approvalMissing = "approval-missing"
        /// A merge made before the proposal was open for the policy's `min-discussion-days`.
        case discussionTooShort = "discussion-too-short"
        /// The approval is unsigned although the policy required signatures.
        case approvalUnsigned = "approval-unsigned"
        /// The approval is signed by a key that is not the co-chair's key at that time.
        case approvalWrongKey = "approval-wrong-key"
        /// A signature (of a commit, tag or event) that is garbled or does not match what it signs.
        case badSignature = "bad-signature"
        /// A commit or tag without a signature where the policy requires one.
        case unsigned
        /// A valid signature by a key that is not the signer's key in members.yml at that time.
        case wrongKey = "wrong-key"
        /// A tag on main that is not an annotated tag.
        case tagNotAnnotated = "tag-not-annotated"
        /// A file in the record that is not a valid event or signature.
        case recordProblem = "record-problem"
        /// An event the fold ignores because it breaks the record's rules (who may write it, what it names).
        case quarantinedEvent = "quarantined-event"
        /// An approval or merge written through a host (`nap serve`) where the policy does not count them.
        case hostAttested = "host-attested"
    }

    public let severity: Severity
    public let kind: Kind
    /// The commit concerned, if any.
    public let commit: ObjectID?
    /// The tag concerned (its name), if any.
    public let tag: String?
    /// The proposal concerned, if any.
    public let proposal: EventID?
    /// The event concerned, if any.
    public let event: EventID?
    /// One sentence for people (English in `--json` and the evidence pack: `Message` encodes as English).
    public let message: Message

    public init(_ severity: Severity, _ kind: Kind, commit: ObjectID? = nil, tag: String? = nil, proposal: EventID? = nil,
                event: EventID? = nil, message: Message) {
        self.severity = severity
        self.kind = kind
        self.commit = commit
        self.tag = tag
        self.proposal = proposal
        self.event = event
        self.message = message
    }
}

/// What `nap verify` checked and found: whether every change on main after the founding came in through
/// a gated merge, and whether every signature holds.
public struct VerificationReport: Sendable {
    /// The revision asked for (`main` by default) and the commit it names.
    public let revision: String
    public let head: ObjectID
    /// The first commit of the first-parent line whose members.yml names both co-chairs; nil when the
    /// plan is not founded at `head`.
    public internal(set) var founding: ObjectID?
    /// Commits of the first-parent line checked, merges among them, tags and record events checked.
    public internal(set) var commits = 0
    public internal(set) var merges = 0
    public internal(set) var tags = 0
    public internal(set) var events = 0
    /// Commits, tags and events whose signatures were checked and hold.
    public internal(set) var goodSignatures = 0
    /// Record events a host wrote on someone's behalf and signed with its key (admitted, so the host's
    /// signature holds); `hostAttestedApprovals` of them were approvals counted for a merge.
    public internal(set) var hostAttestedEvents = 0
    public internal(set) var hostAttestedApprovals = 0
    public internal(set) var findings: [VerificationFinding] = []
    /// Whether plan.yml at `head` requires signatures (`require-signatures`); when false, approvals on
    /// this plan from now on are not authenticated.
    public internal(set) var signaturesRequired = false

    public init(revision: String, head: ObjectID) {
        self.revision = revision
        self.head = head
    }

    /// The findings that make verification fail.
    public var failures: [VerificationFinding] { findings.filter { $0.severity == .failure } }
    /// The findings that are only worth knowing.
    public var notices: [VerificationFinding] { findings.filter { $0.severity == .notice } }
    /// True when nothing failed.
    public var passed: Bool { failures.isEmpty }

    mutating func add(_ finding: VerificationFinding) {
        findings.append(finding)
    }
}
