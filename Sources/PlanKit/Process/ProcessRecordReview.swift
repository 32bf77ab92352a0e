import GitKit
import Localization

/// Everything wrong in the process part of the record (meetings and progress): files that are not valid
/// events, and events the states ignore because they break the record's rules. What `nap verify`,
/// `nap sync` and `nap clone` report about it, as they do for proposals' events.
struct ProcessRecordReview {
    /// A file that is not a valid event (or a folder that is not a subject).
    var problems: [PlanError] = []
    /// Events that break a rule: kept, ignored, reported.
    var quarantined: [QuarantinedProcessEvent] = []
    /// Every valid event, with its subject, for signature checks.
    var events: [ProcessEvent] = []
}

extension PlanStore {
    /// Reads and folds every meeting and progress folder of the record tree `tree`.
    func reviewProcessRecord(in tree: ObjectID?) throws -> ProcessRecordReview {
        var review = ProcessRecordReview()
        guard let tree else { return review }
        let authority = try self.authority()
        for folder in [ProcessSubject.meetingsFolder, ProcessSubject.progressFolder] {
            let listing = try record.processSubjects(in: folder, tree: tree)
            review.problems += listing.problems
            for (id, _) in listing.subjects {
                let subject: ProcessSubject = folder == ProcessSubject.meetingsFolder ? .meeting(id) : .commitment(id)
                let read = try record.processEvents(of: subject, in: tree)
                review.problems += read.problems
                review.events += read.events
                switch subject {
                case .meeting:
                    review.quarantined += try MeetingState.fold(id: id, events: read.events, problems: [], authority: authority).quarantined
                case .commitment:
                    review.quarantined += try CommitmentProgress.fold(commitment: id, events: read.events, problems: [], authority: authority).quarantined
                }
            }
        }
        return review
    }
}

extension Verifier {
    /// The meetings and progress of the record, with the rules for proposals' events: files that are not
    /// valid events and quarantined events are failures; bad signatures are failures; a valid signature by
    /// another key than the author's is a notice.
    func checkProcessRecord(in tree: ObjectID) throws {
        let review = try store.reviewProcessRecord(in: tree)
        for problem in review.problems {
            report.add(VerificationFinding(.failure, .recordProblem, message: problem.message))
        }
        for quarantined in review.quarantined {
            report.add(VerificationFinding(.failure, .quarantinedEvent, event: quarantined.id, message: quarantined.problem.message))
        }
        for event in review.events {
            report.events += 1
            guard event.signature != nil else { continue }
            switch try store.record.signatureState(of: event, in: tree) {
            case .unsigned:
                break
            case .invalid(let reason):
                report.add(VerificationFinding(.failure, .badSignature, event: event.id,
                                               message: L("the signature of \(event.body.typeName) event \(event.id.prefix(8)) by \(event.author.name) <\(event.author.email)> is bad: \(reason)")))
            case .signed(let key):
                if try timeline.counts(key, asKeyOf: event.author.email, at: event.time) { report.goodSignatures += 1 }
            }
        }
    }
}
