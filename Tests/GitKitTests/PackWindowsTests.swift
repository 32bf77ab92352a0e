import Foundation
import GitKit
import NapTestSupport
import Testing

/// libgit2 maps packs in small windows (`LibGit2.packWindows`): objects bigger than a window, and packs
/// bigger than everything it may map at once, are read whole and right.
@Suite struct PackWindowsTests {
    @Test func packsAreMappedInSmallWindows() {
        let windows = LibGit2.packWindows
        #expect(windows.window == 8 << 20)
        #expect(windows.limit == 32 << 20)
    }

    @Test func objectsLargerThanAWindowAndPacksLargerThanTheLimitAreReadWhole() throws {
        let sandbox = try Sandbox()
        let path = try makeRepository(sandbox).workingDirectory ?? sandbox.path("repo")
        // Random bytes do not compress, so the pack is as large as they are.
        var generator = SystemRandomNumberGenerator()
        func noise(_ count: Int) -> [UInt8] {
            let words = (0..<(count / 8)).map { _ in generator.next() as UInt64 }
            return words.withUnsafeBytes { Array($0) }
        }
        let big = noise(12 << 20)
        let others = (0..<4).map { _ in noise(9 << 20) }
        let repository = try Repository.open(at: path)
        var ids = [try repository.writeBlob(big)]
        for data in others { ids.append(try repository.writeBlob(data)) }
        var entries: [String: TreeChange] = [:]
        for (index, id) in ids.enumerated() { entries["blob-\(index).bin"] = .blob(id) }
        let tree = try repository.writeTree(applying: entries, to: nil)
        let commit = try repository.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "Big\n")
        try repository.updateReference("refs/heads/big", to: commit, expecting: .any, message: "test")
        // One pack of about 48 MB, more than the 32 MB libgit2 may map at once.
        _ = try sandbox.gitOK(["repack", "-a", "-d", "-q"], in: path)
        #expect(try sandbox.gitOK(["count-objects", "-v"], in: path).contains("count: 0\n"))
        let reopened = try Repository.open(at: path)
        // Read twice in an order that maps windows again after they were let go.
        for _ in 0..<2 {
            for (index, id) in ids.enumerated().reversed() {
                let data = try reopened.blobData(id)
                #expect(data == (index == 0 ? big : others[index - 1]), "blob \(index) read back differs")
            }
        }
    }
}
