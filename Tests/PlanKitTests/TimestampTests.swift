import Foundation
@testable import PlanKit
import Testing

/// The record's timestamps are written and read by arithmetic; Foundation's ISO 8601 formatter is the
/// independent reference they must agree with.
@Suite struct TimestampTests {
    private func reference() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }

    @Test func formatAndParseAgreeWithFoundation() throws {
        let formatter = reference()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var samples: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800, 1_723_516_800]
        for _ in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append(Double(Int64(seed >> 33) % 8_000_000_000) - 2_000_000_000)
        }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date)
            #expect(text == formatter.string(from: date), "\(seconds)")
            #expect(Timestamp.parse(text) == formatter.date(from: text), "\(text)")
            #expect(Timestamp.parse(text) == date, "\(text)")
        }
    }

    @Test func impossibleDatesAreNotRead() {
        for text in ["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
                     "2024-01-01T00:60:00Z", "2024-01-0１T00:00:00Z", "2024-01-01 00:00:00Z", "", "2024-01-01T00:00:00"] {
            #expect(Timestamp.parse(text) == nil, "\(text)")
        }
        #expect(Timestamp.parse("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
        // Other RFC 3339 forms still read, through Foundation.
        #expect(Timestamp.parse("2024-08-13T10:40:00+08:00") == Timestamp.parse("2024-08-13T02:40:00Z"))
    }
}
