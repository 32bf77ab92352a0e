import Foundation

/// Where commands write: standard output for results, standard error for diagnostics. Output is
/// buffered and flushed before exit.
enum Console {
    static func out(_ text: String = "") {
        write(text + "\n", to: FileHandle.standardOutput)
    }

    static func err(_ text: String) {
        write(text + "\n", to: FileHandle.standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }

    /// True when standard output is a terminal (progress and colour are for people only).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
