import Foundation

// nap-bench: builds a plan at national-consultation size for `make bench` (scripts/bench.sh).
do {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    let manifest = try Generator(options: options).run()
    print(manifest.text, terminator: "")
} catch OptionsError.help {
    print(Options.usage)
} catch OptionsError.invalid(let message) {
    FileHandle.standardError.write(Data("nap-bench: \(message)\n\n\(Options.usage)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("nap-bench: error: \(error)\n".utf8))
    exit(70)
}
