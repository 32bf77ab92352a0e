import PlanKit

/// Opens a plan in a test (PlanKit's store, as the server opens it).
enum PlanStoreOpener {
    static func open(_ path: String) throws -> PlanStore { try PlanStore.open(at: path) }
}
