import Foundation
import PlanKit
import Testing

/// Day counting, response deadlines and the process event codec, without a repository.
@Suite struct ProcessUnitTests {
    @Test func dayNumbersRoundTripAcrossLeapYearsAndTheBounds() throws {
        let epoch = try #require(PlanDate(year: 1970, month: 1, day: 1))
        #expect(epoch.firstDayNumber == 0)
        #expect(try #require(PlanDate(year: 2024, month: 2, day: 29)).adding(days: 1)?.description == "2024-03-01")
        #expect(try #require(PlanDate(year: 2023, month: 2, day: 28)).adding(days: 1)?.description == "2023-03-01")
        #expect(try #require(PlanDate(year: 2000, month: 2)).lastDayNumber - (try #require(PlanDate(year: 2000, month: 2))).firstDayNumber == 28)
        for text in ["1000-01-01", "1969-12-31", "2024-08-13", "9999-12-31"] {
            let date = try PlanDate(parsing: text)
            #expect(PlanDate.day(number: date.firstDayNumber)?.description == text)
        }
        // Outside years 1000…9999, or an absurd count: nil, never a trap.
        #expect(try PlanDate(parsing: "9999-12-31").adding(days: 1) == nil)
        #expect(try PlanDate(parsing: "1000-01-01").adding(days: -1) == nil)
        #expect(try PlanDate(parsing: "2024-01-01").adding(days: Int.max) == nil)
        #expect(PlanDate.day(of: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(PlanDate.day(of: Date(timeIntervalSince1970: 1e15)) == nil)
        #expect(PlanDate.days(from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 86_400 * 3 + 5)) == 3)
    }

    @Test func deadlinesCountWholeDays() throws {
        let policy = Policy(responseDays: 30)
        let written = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(ResponseDeadline(inputTime: written, policy: Policy()) == nil)
        let fresh = try #require(ResponseDeadline(inputTime: written, policy: policy, now: written.addingTimeInterval(60)))
        #expect(fresh.daysLeft == 30 && fresh.words == "due in 30 days" && !fresh.isOverdue)
        let late = try #require(ResponseDeadline(inputTime: written, policy: policy, now: written.addingTimeInterval(35 * 86_400 + 60)))
        #expect(late.daysLeft == -5 && late.words == "overdue by 5 days")
        let justLate = try #require(ResponseDeadline(inputTime: written, policy: policy, now: written.addingTimeInterval(30 * 86_400 + 1)))
        #expect(justLate.daysLeft == -1)
        let far = try #require(ResponseDeadline(inputTime: Date.distantPast, policy: policy, now: Date.distantFuture))
        #expect(far.isOverdue)
    }

    @Test func processEventsRoundTripAndWhatCannotBeReadIsRefusedWhenWritten() throws {
        let author = EventAuthor(name: "國發會", email: "chair@ndc.gov.example", member: "ndc-chair", sector: "government", role: "co-chair")
        let meeting = MeetingRecord(id: "2024-08-13-consultation", date: try PlanDate(parsing: "2024-08-13"), kind: .consultation,
                                    title: ["zh-Hant": "諮詢會議"], agendaPublished: try PlanDate(parsing: "2024-08-01"), attendees: ["moi"],
                                    publicAttendance: ["public": 30], links: [MeetingLink(kind: .transcript, url: "https://example.org/t")],
                                    minutes: ["zh-Hant": "紀錄"],
                                    decisions: [MeetingDecision(proposal: String(repeating: "a", count: 64), slug: "political-donations", outcome: .deferred, reason: "列入備選")])
        let event = ProcessEvent(subject: .meeting(meeting.id), author: author, time: Date(timeIntervalSince1970: 1_723_600_000), clock: 1, body: .meeting(meeting))
        let (id, bytes) = try ProcessEventCodec.encode(event)
        let read = try ProcessEventCodec.decode(bytes, path: "meetings/x/events/\(id).json")
        #expect(read.id == id && read.body == event.body && read.subject == event.subject && read.time == event.time)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"public-attendance\""))

        var bad = meeting
        bad.links = [MeetingLink(kind: .other, url: "file:///etc/passwd")]
        #expect(throws: PlanError.self) {
            try ProcessEventCodec.encode(ProcessEvent(subject: .meeting(meeting.id), author: author, time: Date(), clock: 1, body: .meeting(bad)))
        }
        let progress = ProgressReport(commitment: "1-1", milestone: 0, status: .limited, text: "x", asOf: try PlanDate(parsing: "2025-01-01"))
        #expect(throws: PlanError.self) {
            try ProcessEventCodec.encode(ProcessEvent(subject: .commitment("1-1"), author: author, time: Date(), clock: 1, body: .progress(progress)))
        }
        // A meeting event in a commitment's folder, or a type nap does not know, is not read.
        let text = String(decoding: bytes, as: UTF8.self)
        for forged in [text.replacingOccurrences(of: "\"meeting\" : \"2024-08-13-consultation\"", with: "\"commitment\" : \"1-1\""),
                       text.replacingOccurrences(of: "\"type\" : \"meeting\"", with: "\"type\" : \"party\"")] {
            #expect(forged != text)
            #expect(throws: PlanError.self) { try ProcessEventCodec.decode(Array(forged.utf8), path: "x") }
        }
    }
}
