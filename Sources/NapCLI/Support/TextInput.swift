import Foundation
import Localization
import PlanKit

/// Text given as `-m TEXT`, `-m -` (standard input) or `--file F`.
enum TextInput {
    static func read(message: String?, file: String?, what: Message, base: String) throws -> String {
        switch (message, file) {
        case (nil, nil): throw PlanError.invalidInput(L("give the \(what) with -m TEXT, -m - (standard input) or --file FILE"))
        case (.some, .some): throw PlanError.invalidInput(L("give the \(what) either with -m or with --file, not both"))
        case (.some("-"), nil):
            // The throwing read: `readDataToEndOfFile()` traps on an I/O error.
            let data: Data
            do { data = try FileHandle.standardInput.readToEnd() ?? Data() } catch { throw PlanError.cannotRead(L("standard input").localized, error) }
            return try decode(data, from: L("standard input").localized)
        case (.some(let text), nil): return text
        case (nil, .some(let path)):
            let full = path.hasPrefix("/") ? path : base + "/" + path
            guard let data = FileManager.default.contents(atPath: full) else { throw PlanError.invalidInput(L("cannot read \(path)")) }
            guard data.count <= 4 * 1024 * 1024 else { throw PlanError.invalidInput(L("\(path) is larger than 4 MiB")) }
            return try decode(data, from: path)
        }
    }

    private static func decode(_ data: Data, from source: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw PlanError.invalidInput(L("\(source) is not UTF-8 text")) }
        return text
    }
}
