/// Values a one-shot command holds at its end that are only memory: kept until the process exits instead
/// of being freed one object at a time. Freeing the state of a whole-plan command (a hundred thousand
/// events, the response report, every proposal's fold) took about a second of `nap site` at full size;
/// the operating system takes the whole address space back at once. Only for commands that end the
/// process (never for the server, whose memory must come back).
enum KeptUntilExit {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` (and everything it references) alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
