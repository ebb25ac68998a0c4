import Foundation

/// A bearer token the server accepts: who holds it (named in the audit log) and what it may do.
///
/// The secret is never printed: `description` shows the name and the access only, and every
/// error about a token names its file and line, not its text.
public struct AccessToken: Sendable, CustomStringConvertible {
    public enum Access: String, Sendable, CaseIterable {
        /// Reads only (matters with `--require-token-for-reads`); a write is answered 403.
        case read
        /// Reads and writes.
        case write
    }

    public let name: String
    public let access: Access
    let secret: [UInt8]

    public init(name: String, secret: String, access: Access = .write) {
        self.name = name
        self.secret = Array(secret.utf8)
        self.access = access
    }

    public var description: String { "token '\(name)' (\(access.rawValue))" }
}

/// Why the tokens could not be read; `location` is `FILE:LINE`, `ACTORNET_TOKENS entry N`, or the
/// file alone.
public struct AccessTokenError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The file is missing or cannot be read (the CLI exits 66).
        case unreadable
        /// The file is readable by group or others (the CLI exits 64).
        case exposed
        /// A line is malformed (the CLI exits 64).
        case invalid
    }

    public let kind: Kind
    public let location: String
    public let message: String

    public var description: String { "\(location): \(message)" }
}

/// Reading tokens: from a file (`--tokens-file`) and from the environment (`ACTORNET_TOKENS`).
///
/// One token per entry, in one of three forms: `TOKEN` (a write token, named after its place,
/// e.g. `tokens:3`), `NAME:TOKEN` (a write token) or `NAME:TOKEN:ACCESS` with ACCESS `read` or
/// `write` (`:TOKEN:read` for an unnamed read-only token). In a file an entry is a line; in the
/// environment entries are separated by commas or newlines. `#` starts a comment (neither names
/// nor tokens may contain it); blank entries are skipped.
public enum AccessTokens {
    public static let environmentVariable = "ACTORNET_TOKENS"
    /// Shorter tokens are refused: a guessable token is no protection.
    public static let minimumLength = 16
    static let nameRule = "1 to 64 letters, digits, '.', '_', '-' or '@'"
    static let tokenRule = "letters, digits and '-', '.', '_', '~', '+', '/', with '=' only at the end (RFC 6750's b64token)"
    static let generate = "make one with `openssl rand -hex 32`"

    /// The tokens of `text`; `source` names it in errors and in the names of unnamed tokens,
    /// `commaSeparated` splits entries at commas as well as newlines (the environment).
    public static func parse(_ text: String, source: String, commaSeparated: Bool = false) throws(AccessTokenError) -> [AccessToken] {
        let entries = text.split(omittingEmptySubsequences: false) { $0 == "\n" || (commaSeparated && $0 == ",") }
        var tokens: [AccessToken] = []
        var places: [String] = []
        for (index, raw) in entries.enumerated() {
            let place = commaSeparated ? "\(source) entry \(index + 1)" : "\(source):\(index + 1)"
            func fail(_ message: String) -> AccessTokenError {
                AccessTokenError(kind: .invalid, location: place, message: message)
            }
            let entry = raw.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty { continue }
            let fields = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count <= 3 else {
                throw fail("\(fields.count) ':'-separated fields; write TOKEN, NAME:TOKEN or NAME:TOKEN:read|write")
            }
            var name = fields.count == 1 ? "" : fields[0]
            let secret = fields.count == 1 ? fields[0] : fields[1]
            var access = AccessToken.Access.write
            if fields.count == 3 {
                guard let given = AccessToken.Access(rawValue: fields[2].lowercased()) else {
                    throw fail("unknown access '\(fields[2])'; use read or write (or leave it out: write)")
                }
                access = given
            }
            if name.isEmpty {
                name = commaSeparated ? "\(source).\(index + 1)" : "\((source as NSString).lastPathComponent):\(index + 1)"
            } else if !isValidName(name) {
                throw fail("invalid token name '\(name)'; a name is \(nameRule)")
            }
            guard isValidToken(secret) else {
                throw fail(secret.isEmpty ? "the token is empty; \(generate)"
                    : "the token has characters outside \(tokenRule); \(generate)")
            }
            guard secret.utf8.count >= minimumLength else {
                throw fail("the token has \(secret.utf8.count) characters; at least \(minimumLength) are needed so it "
                    + "cannot be guessed; \(generate)")
            }
            let token = AccessToken(name: name, secret: secret, access: access)
            if let earlier = tokens.firstIndex(where: { $0.name == name }) {
                throw fail("the name '\(name)' is already used at \(places[earlier]); each token needs its own name, "
                    + "so the audit log can tell the callers apart")
            }
            if let earlier = tokens.firstIndex(where: { constantTimeEquals($0.secret, token.secret) }) {
                throw fail("the same token as at \(places[earlier]) ('\(tokens[earlier].name)'); give each caller its own token")
            }
            tokens.append(token)
            places.append(place)
        }
        return tokens
    }

    /// The tokens of a file. Refused when the file cannot be read, and when group or others may
    /// read it (`chmod 600`): the tokens are the keys to every network.
    public static func read(file path: String) throws(AccessTokenError) -> [AccessToken] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw AccessTokenError(kind: .unreadable, location: path,
                                   message: "cannot read the tokens file (--tokens-file): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw AccessTokenError(kind: .unreadable, location: path, message: "the tokens file (--tokens-file) is not a regular file")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw AccessTokenError(kind: .exposed, location: path, message: "the tokens file may be read by "
                + (mode & 0o070 != 0 ? "its group" : "others") + " (mode \(String(mode, radix: 8)));"
                + " run `chmod 600 \(path)` so only its owner can")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccessTokenError(kind: .unreadable, location: path,
                                   message: "cannot read the tokens file (--tokens-file): \(String(cString: strerror(errno)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AccessTokenError(kind: .invalid, location: path, message: "the tokens file is not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    /// The tokens of `ACTORNET_TOKENS` in `environment`; none when it is unset.
    public static func read(environment: [String: String]) throws(AccessTokenError) -> [AccessToken] {
        guard let text = environment[environmentVariable] else { return [] }
        return try parse(text, source: environmentVariable, commaSeparated: true)
    }

    /// The tokens of both sources, refused when a name or a token appears in both.
    public static func combine(file: [AccessToken], environment: [AccessToken]) throws(AccessTokenError) -> [AccessToken] {
        for token in environment {
            if file.contains(where: { $0.name == token.name }) {
                throw AccessTokenError(kind: .invalid, location: environmentVariable, message: "the name '\(token.name)' "
                    + "is also in the tokens file; each token needs its own name")
            }
            if let same = file.first(where: { constantTimeEquals($0.secret, token.secret) }) {
                throw AccessTokenError(kind: .invalid, location: environmentVariable, message: "token '\(token.name)' "
                    + "is the same as '\(same.name)' of the tokens file; give each caller its own token")
            }
        }
        return file + environment
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { c in
            c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "@")
        }
    }

    /// RFC 6750's b64token: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
    static func isValidToken(_ token: String) -> Bool {
        let body = token.reversed().drop { $0 == "=" }
        return !body.isEmpty && body.allSatisfy { c in
            c.isASCII && (c.isLetter || c.isNumber || "-._~+/".contains(c))
        }
    }

    /// Whether `a` and `b` are the same bytes, in time that depends on their lengths only: every
    /// byte is compared, with no exit at the first difference, so the time of an answer does not
    /// tell a caller how much of a guess was right.
    @inline(never)
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }

    /// The token whose secret is `presented`, compared with every token (no exit at the first
    /// match either); `compare` is the comparison (the tests count its calls).
    static func match(_ presented: [UInt8], in tokens: [AccessToken],
                      compare: ([UInt8], [UInt8]) -> Bool = AccessTokens.constantTimeEquals) -> AccessToken? {
        var found: AccessToken?
        for token in tokens where compare(presented, token.secret) {
            found = found ?? token
        }
        return found
    }
}
