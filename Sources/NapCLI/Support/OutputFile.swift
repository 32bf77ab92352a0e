import Foundation
import Localization
import PlanKit

/// Where a document goes (`render`, `report`): standard output, or a file written whole (atomically).
///
/// A file, or output piped to another program, gets the document exactly as it is. A terminal gets it
/// through `SafeText`: text from users (a comment holding `ESC ]0;…` or `ESC [2J`) must not retitle,
/// clear or otherwise drive the terminal of the person reading it.
enum OutputFile {
    static func write(_ text: String, to path: String?, base: String) throws {
        guard let path else {
            // On a terminal, CSV's CRLF line ends become plain line ends; any other CR is shown as an escape.
            Console.raw(Console.isTerminal ? SafeText.display(text.replacingOccurrences(of: "\r\n", with: "\n")) : text)
            return
        }
        let full = path.hasPrefix("/") ? path : base + "/" + path
        try FileWrite.write(Data(text.utf8), to: full, shownAs: path)
        if Console.errorIsTerminal { Console.err(L("Wrote \(SafeText.line(path)).")) }
    }
}
