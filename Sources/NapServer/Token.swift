import Crypto
import Foundation

/// Random tokens (session ids, CSRF tokens, invitations): 32 bytes from the system's secure generator,
/// written in base64url without padding. Compared in constant time.
enum Token {
    static func random(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return base64url(bytes)
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether two tokens are equal, taking the same time whatever the first difference.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// The SHA-256 of a token, in hex: what is kept on disk instead of the token.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = Array("0123456789abcdef")
            return String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
        }.joined()
    }

    /// Whether a string could be a token this server made (base64url, sensible length): anything else is
    /// refused before it is looked up.
    static func isWellFormed(_ token: String) -> Bool {
        (16...128).contains(token.utf8.count) && token.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
        }
    }
}
