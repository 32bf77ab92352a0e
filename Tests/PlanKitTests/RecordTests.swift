import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

let civil = EventAuthor(name: "王向榮", email: "wang@g0v.example", member: "g0v-wang", sector: "civil-society", role: "member")
let ministry = EventAuthor(name: "內政部", email: "moi@gov.example", member: "moi", sector: "government", role: "member")
let signer = Signature(name: "王向榮", email: "wang@g0v.example", time: Date(timeIntervalSince1970: 1_723_500_000), timeZoneOffset: 480)

func makeRecord(_ sandbox: Sandbox, name: String = "repo") throws -> Record {
    try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
    return Record(repository: try Repository.create(at: sandbox.path(name)))
}

/// An opening event and the id it gets.
func opening(slug: String = "political-donations", base: ObjectID) throws -> Event {
    var event = Event(proposal: nil, author: civil, time: Date(timeIntervalSince1970: 1_723_500_000), clock: 1,
                      body: .opened(slug: slug, title: "政治獻金再透明化", description: "大額政治獻金即時公開", base: base, head: base))
    event.id = try EventCodec.encode(event).id
    return event
}

func someCommit(_ record: Record) throws -> ObjectID {
    let repo = record.repository
    return try repo.createCommit(tree: try repo.emptyTree(), parents: [], author: signer, committer: signer, message: "base\n")
}

@Suite struct RecordTests {
    @Test func encodesAndDecodesEveryEventType() throws {
        let head = ObjectID(hex: String(repeating: "ab", count: 20))!
        let anchor = Anchor(head: head, path: "commitments/1-1.md", startLine: 3, endLine: 4, quote: "第一行\n第二行")
        let other = String(repeating: "cd", count: 32)
        let bodies: [EventBody] = [
            .opened(slug: "s", title: "標題", description: "", base: head, head: head),
            .revised(head: head, previous: head, rewritten: true),
            .withdrawn(reason: "併入其他提案"),
            .comment(body: "意見 **Markdown**", anchor: anchor, replyTo: other),
            .resolved(comment: other), .reopened(comment: other),
            .response(target: other, disposition: .notAdopted, reason: "需修法"),
            .review(verdict: .requestChanges, head: head, body: "請補充"),
            .merged(commit: head, head: head),
            .hidden(target: other, reason: "含個人資料"),
        ]
        for body in bodies {
            let proposal: EventID? = if case .opened = body { nil } else { String(repeating: "ef", count: 32) }
            let event = Event(proposal: proposal, author: civil, time: Date(timeIntervalSince1970: 1_700_000_000), clock: 2, body: body)
            let (id, bytes) = try EventCodec.encode(event)
            let decoded = try EventCodec.decode(bytes, path: "x")
            #expect(decoded.id == id)
            #expect(decoded.body == body)
            #expect(decoded.author == civil)
            #expect(decoded.clock == 2)
        }
    }

    @Test func onBehalfOfIsStoredAndReadBack() throws {
        var event = Event(proposal: String(repeating: "ef", count: 32), author: civil, time: Date(timeIntervalSince1970: 1_700_000_000), clock: 2,
                          body: .comment(body: "經由網站", anchor: nil, replyTo: nil))
        event.onBehalfOf = OnBehalfOf(host: "web", member: "g0v-wang")
        let (_, bytes) = try EventCodec.encode(event)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"on-behalf-of\" : {\n    \"host\" : \"web\",\n    \"member\" : \"g0v-wang\"\n  }"))
        #expect(try EventCodec.decode(bytes, path: "x").onBehalfOf == OnBehalfOf(host: "web", member: "g0v-wang"))
        // The author's attestation is derived, never stored.
        var attested = civil
        attested.attestation = .host("web")
        event.author = attested
        #expect(try EventCodec.encode(event).bytes == bytes)
        // A host id that is not an id is outside the record's bounds.
        event.onBehalfOf = OnBehalfOf(host: "../web", member: nil)
        let (_, bad) = try EventCodec.encode(event)
        #expect(throws: PlanError.self) { try EventCodec.decode(bad, path: "x") }
    }

    @Test func refusesUnknownVersionsAndForeignFiles() throws {
        func reason(_ text: String) -> String? {
            do {
                _ = try EventCodec.decode(Array(text.utf8), path: "p/e.json")
                return nil
            } catch let PlanError.corruptRecord(path, reason) {
                #expect(path == "p/e.json")
                return reason.description
            } catch {
                return "other: \(error)"
            }
        }
        #expect(reason(#"{"version": 2, "type": "comment"}"#)?.contains("version 2") == true)
        // A whole event that names a later version is refused for its version, not read as this one.
        let base = ObjectID(hex: String(repeating: "ab", count: 20))
        let (_, bytes) = try EventCodec.encode(try opening(base: try #require(base)))
        let later = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #""version" : 1"#, with: #""version" : 3"#)
        #expect(later != String(decoding: bytes, as: UTF8.self))
        #expect(reason(later)?.contains("version 3") == true)
        #expect(reason("not json")?.contains("not an event file") == true)
        #expect(reason(#"{"type": "comment"}"#)?.contains("not an event file") == true)
        #expect(reason(#"{"version": 1, "type": "nonsense"}"#)?.contains("malformed event") == true)
        #expect(reason(String(decoding: bytes, as: UTF8.self)) == nil)
    }

    @Test func eventsFilePathsNameTheirProposal() {
        let id = String(repeating: "0a", count: 32)
        #expect(Record.proposal(ofEventsFile: "proposals/0a/\(id)/events/\(id).json") == id)
        #expect(Record.proposal(ofEventsFile: "proposals/0a/\(id)/events/\(id).sig") == id)
        #expect(Record.isProposalEventPath("proposals/0a/\(id)/events/\(id).json"))
        #expect(!Record.isProposalEventPath("proposals/0a/\(id)/events/\(id).sig"))
        #expect(Record.proposal(ofEventsFile: "proposals/0a/提案/events/說明.json") == "提案")
        for other in ["meetings/2026/\(id).json", "proposals/0a/\(id)/\(id).json", "proposals/0a/\(id)/events/x/\(id).json",
                      "process/0a/\(id)/events/\(id).json", "proposals/0a/\(id)/notes/\(id).json", ""] {
            #expect(Record.proposal(ofEventsFile: other) == nil, "\(other)")
        }
    }

    @Test func foldIsTheSameInAnyOrder() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let base = try someCommit(record)
        let open = try opening(base: base)
        var events = [open]
        for i in 0..<30 {
            let author = i % 2 == 0 ? civil : ministry
            var event = Event(proposal: open.id, author: author, time: Date(timeIntervalSince1970: 1_723_500_000 + Double(i)), clock: 2 + i / 3,
                              body: i % 5 == 4 ? .response(target: open.id, disposition: .deferred, reason: "列為備選 \(i)") : .comment(body: "意見 \(i)", anchor: nil, replyTo: nil))
            event.id = try EventCodec.encode(event).id
            events.append(event)
        }
        let reference = try ProposalState.fold(events, authority: FixedAuthority.forum)
        for _ in 0..<10 {
            #expect(try ProposalState.fold(events.shuffled(), authority: FixedAuthority.forum) == reference)
        }
        #expect(reference?.quarantined.isEmpty == true)
        #expect(reference?.comments.count == 24)
        #expect(reference?.responses.count == 6)
        #expect(reference?.clock == 11)
    }

    @Test func unionMergeConvergesInEitherOrder() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let base = try someCommit(record)
        let open = try opening(base: base)
        try record.append([open], by: signer, message: "open\n")
        let shared = try #require(try record.head())
        func comment(_ text: String, clock: Int) -> Event {
            Event(proposal: open.id, author: civil, time: Date(timeIntervalSince1970: 1_723_500_100), clock: clock, body: .comment(body: text, anchor: nil, replyTo: nil))
        }
        // Two copies diverge: each adds its own events, and both add the same one (overlap).
        let both = comment("兩邊都有", clock: 2)
        try record.append([comment("甲方", clock: 2), both], by: signer, message: "a\n")
        let a = try #require(try record.head())
        try record.repository.updateReference(RefNames.record, to: shared, expecting: .at(a), message: "rewind for test")
        try record.append([comment("乙方", clock: 2), both, comment("乙方二", clock: 3)], by: signer, message: "b\n")
        let b = try #require(try record.head())

        let ab = try record.unionTree(try record.repository.treeID(ofCommit: a), try record.repository.treeID(ofCommit: b))
        let ba = try record.unionTree(try record.repository.treeID(ofCommit: b), try record.repository.treeID(ofCommit: a))
        #expect(ab == ba)
        let merged = try record.events(of: open.id, in: ab.tree)
        #expect(merged.problems.isEmpty)
        #expect(merged.events.count == 5) // open, 甲方, 兩邊都有, 乙方, 乙方二
        // merge() writes a two-parent commit that stock git accepts.
        let head = try record.merge(theirs: a, signature: signer).head
        #expect(try record.repository.commit(head).parents == [b, a])
        #expect(try record.tree() == ab.tree)
        try sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: sandbox.path("repo"))
        // Merging again changes nothing.
        #expect(try record.merge(theirs: a, signature: signer).head == head)
    }

    @Test func unionKeepsTheFirstSeenBytesAndReportsTheOthers() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let repo = record.repository
        let path = "proposals/ab/abcd/events/0000.json"
        let elsewhere = "proposals/cd/cdef/events/1111.json"
        let oneBlob = try repo.writeBlob(Array("one".utf8))
        let twoBlob = try repo.writeBlob(Array("two".utf8))
        let one = try repo.writeTree(applying: [path: .blob(oneBlob)], to: nil)
        let two = try repo.writeTree(applying: [path: .blob(twoBlob), elsewhere: .blob(twoBlob)], to: nil)
        let union = try record.unionTree(one, two)
        #expect(union.conflicts == [RecordConflict(path: path, ours: oneBlob, theirs: twoBlob)])
        #expect(try repo.treeEntry(union.tree, path: path)?.id == oneBlob)
        #expect(try repo.treeEntry(union.tree, path: elsewhere)?.id == twoBlob)
    }

    @Test func corruptAndForeignFilesAreReportedAndSkipped() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let base = try someCommit(record)
        let open = try opening(base: base)
        try record.append([open], by: signer, message: "open\n")
        let repo = record.repository
        let directory = Record.directory(of: open.id)
        let tree = try repo.writeTree(applying: [
            directory + "/README.txt": .blob(try repo.writeBlob(Array("hello".utf8))),
            directory + "/" + String(repeating: "0", count: 64) + ".json": .blob(try repo.writeBlob(Array("{}".utf8))),
        ], to: try record.tree())
        let read = try record.events(of: open.id, in: tree)
        #expect(read.events.map(\.id) == [open.id])
        #expect(read.problems.count == 2)
    }

    @Test func concurrentAppendsLoseNothing() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let base = try someCommit(record)
        let open = try opening(base: base)
        try record.append([open], by: signer, message: "open\n")
        let path = sandbox.path("repo")
        let writers = 4, perWriter = 15
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            // Each writer has its own libgit2 handle, as a separate process would.
            guard let repo = try? Repository.open(at: path) else { return }
            let mine = Record(repository: repo)
            for i in 0..<perWriter {
                let event = Event(proposal: open.id, author: civil, time: Date(), clock: 2,
                                  body: .comment(body: "writer \(writer) comment \(i)", anchor: nil, replyTo: nil))
                _ = try? mine.append([event], by: signer, message: "c\n")
            }
        }
        let events = try record.events(of: open.id).events
        #expect(events.count == 1 + writers * perWriter)
        try sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: path)
    }

    @Test func tenThousandEventsPassGitFsck() throws {
        let sandbox = try Sandbox()
        let record = try makeRecord(sandbox)
        let base = try someCommit(record)
        var proposals: [Event] = []
        for p in 0..<20 {
            let open = try opening(slug: "p\(p)", base: base)
            proposals.append(open)
        }
        try record.append(proposals, by: signer, message: "open 20\n")
        for batch in 0..<20 {
            var events: [Event] = []
            for i in 0..<499 {
                let proposal = proposals[(batch * 499 + i) % proposals.count]
                events.append(Event(proposal: proposal.id, author: i % 3 == 0 ? ministry : civil, time: Date(timeIntervalSince1970: 1_723_500_000 + Double(i)),
                                    clock: 2 + batch, body: .comment(body: "第 \(batch)-\(i) 則意見 comment", anchor: nil, replyTo: nil)))
            }
            try record.append(events, by: signer, message: "batch \(batch)\n")
        }
        let total = try record.proposals().reduce(0) { $0 + (try record.events(of: $1.id).events.count) }
        #expect(total == 20 + 20 * 499)
        let fsck = try sandbox.git(["fsck", "--strict", "--no-dangling"], in: sandbox.path("repo"))
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }
}
