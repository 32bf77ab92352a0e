import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// A proposal whose opening names a head that is not in this copy (its commits not fetched yet, or a
/// hostile record): the listings still list, and that proposal shows no changed files.
@Suite struct ListingAbsentHeadTests {
    @Test func aProposalWhoseHeadIsAbsentIsListed() throws {
        let f = try CacheFixture()
        let absent = try #require(ObjectID(hex: String(repeating: "5a", count: 20)))
        let opening = Event(proposal: nil, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_000), clock: 1,
                            body: .opened(slug: "far", title: "遠方", description: "", base: f.main, head: absent))
        try f.store.record.append([opening], by: try f.store.identity(), message: "open far\n")
        try f.open("near", at: 1_723_500_001)
        let listings = try f.reopened().proposalListings()
        #expect(listings.map(\.slug).sorted() == ["far", "near"])
    }
}
