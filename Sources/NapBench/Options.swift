import Foundation

/// `nap-bench`'s command line.
struct Options {
    var output: String?
    var data: String?
    var size = PlanSize()
    var seed: UInt64 = 2025
    /// Runs `git gc` at the end: deltified packs, as on a long-lived clone (takes longer than the rest).
    var gc = false

    static let usage = """
    usage: nap-bench --out <folder> [--data <shared/data folder>] [--commitments N] [--proposals N]
                     [--events N] [--commits N] [--versions N] [--big-comments N] [--record-commits N]
                     [--seed N] [--gc]

    Builds a plan at national-consultation size in <folder>/plan (defaults: 50 commitments,
    1,000 proposals, 100,000 events, 10,000 drafting commits, 5 published versions) and writes
    <folder>/manifest.env with the names `scripts/bench.sh` times commands on. Every object is
    written into one pack without deltas; --gc then runs `git gc` to deltify it.
    """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw OptionsError.invalid("\(flag) needs a value") }
            return next
        }
        func number(_ flag: String) throws -> Int {
            let text = try value(flag)
            guard let parsed = Int(text), parsed >= 0 else { throw OptionsError.invalid("\(flag) takes a number, not '\(text)'") }
            return parsed
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--out": options.output = try value(flag)
            case "--data": options.data = try value(flag)
            case "--commitments": options.size.commitments = max(1, try number(flag))
            case "--proposals": options.size.proposals = max(2, try number(flag))
            case "--events": options.size.events = try number(flag)
            case "--commits": options.size.commits = try number(flag)
            case "--versions": options.size.versions = try number(flag)
            case "--big-comments": options.size.bigComments = try number(flag)
            case "--record-commits": options.size.recordCommits = max(1, try number(flag))
            case "--public": options.size.publicPeople = max(1, try number(flag))
            case "--seed": options.seed = UInt64(try number(flag))
            case "--gc": options.gc = true
            case "-h", "--help": throw OptionsError.help
            default: throw OptionsError.invalid("unknown option \(flag)")
            }
        }
        guard options.output != nil else { throw OptionsError.invalid("--out <folder> is required") }
        return options
    }
}

enum OptionsError: Error {
    case help
    case invalid(String)
}
