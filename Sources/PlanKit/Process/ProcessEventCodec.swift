import Foundation
import Localization

/// The one encoder and decoder of process event files, with the rules of `EventCodec`: JSON with sorted
/// keys, one field per line, at most `EventCodec.maximumSize`; the id is the SHA-256 of the bytes.
public enum ProcessEventCodec {
    /// The bytes of `event` (its `id` is ignored) and the id they give it.
    public static func encode(_ event: ProcessEvent) throws -> (id: EventID, bytes: [UInt8]) {
        guard (1...EventBounds.maximumClock).contains(event.clock) else {
            throw PlanError.refused(reason: L("this folder's Lamport clock reached \(EventBounds.maximumClock), the record's limit"), hint: nil)
        }
        let file = ProcessEventFile(event)
        // What is written must read back: the same bounds as for reading.
        do { try ProcessEventBounds.check(file) } catch {
            throw PlanError.invalidInput(L("cannot record this: \(RecordFieldProblem.describe(error))"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(file)
        data.append(0x0a)
        guard data.count <= EventCodec.maximumSize else {
            throw PlanError.invalidInput(L("the text is too long: an event may be at most \(EventCodec.maximumSize / 1024) KiB"))
        }
        let bytes = [UInt8](data)
        return (EventCodec.id(of: bytes), bytes)
    }

    /// Reads a process event file; `path` is only for error messages.
    public static func decode(_ bytes: [UInt8], path: String) throws -> ProcessEvent {
        guard bytes.count <= EventCodec.maximumSize else {
            throw PlanError.corruptRecord(path: path, reason: L("event file larger than \(EventCodec.maximumSize) bytes"))
        }
        let probe: VersionProbe
        do { probe = try JSONDecoder().decode(VersionProbe.self, from: Data(bytes)) } catch {
            throw PlanError.corruptRecord(path: path, reason: L("not an event file (not JSON with a version)"))
        }
        guard probe.version == Event.formatVersion else {
            throw PlanError.corruptRecord(path: path, reason: L("event format version \(probe.version) is not known to this nap (it reads version \(Event.formatVersion)); upgrade nap"))
        }
        do {
            var event = try JSONDecoder().decode(ProcessEventFile.self, from: Data(bytes)).event()
            event.id = EventCodec.id(of: bytes)
            return event
        } catch {
            throw PlanError.corruptRecord(path: path, reason: L("malformed event: \(RecordFieldProblem.describe(error))"))
        }
    }

    private struct VersionProbe: Decodable { let version: Int }
}
