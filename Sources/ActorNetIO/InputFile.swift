import Foundation

/// Reads an input file's bytes for any reader, with the same located message for every way it
/// can fail (missing, a directory, no permission). `-` is standard input.
enum InputFile {
    /// The largest file read whole (YAML, JSON, CSV): 2 GiB less a byte. GraphML and GEXF are
    /// read in a stream (`XMLStreamParser`) and have no such limit.
    static let maximumBytes = Int(Int32.max)

    /// The file's bytes and the name diagnostics use, or an unreadable load result carrying the
    /// error. Files over `maximum` bytes are refused before they are read.
    static func read(_ path: String, expecting kind: String,
                     maximum: Int = maximumBytes) -> Result<(bytes: [UInt8], file: String), LoadResultBox> {
        let start = SourceLocation(file: path == "-" ? "<stdin>" : path, line: 1, column: 1)
        func failure(_ message: String, _ fix: String) -> Result<(bytes: [UInt8], file: String), LoadResultBox> {
            .failure(LoadResultBox(result: LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, message, fix: fix)],
                                                      unreadable: true)))
        }
        func tooLarge(_ size: String) -> Result<(bytes: [UInt8], file: String), LoadResultBox> {
            failure("cannot read '\(start.file)': it is \(size) bytes, more than the \(maximum) bytes a \(kind) file may have",
                    "split the network into smaller files, or write it as GraphML, which is read in a stream without this limit")
        }
        if path == "-" {
            var bytes: [UInt8] = []
            let input = FileHandle.standardInput
            while true {
                guard let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                bytes += chunk
                if bytes.count > maximum { return tooLarge("over \(maximum)") }
            }
            return .success((bytes, "<stdin>"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("cannot read '\(path)': no such file", "check the path; the shipped network is graphs/russia-iran.yaml")
        }
        guard !isDirectory.boolValue else {
            return failure("cannot read '\(path)': it is a directory", "name a \(kind) file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return failure("cannot read '\(path)': permission denied or I/O error", "check the file's permissions")
        }
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > maximum {
            return tooLarge(String(status.st_size))
        }
        guard let data = try? handle.read(upToCount: maximum &+ 1) ?? Data() else {
            return failure("cannot read '\(path)': permission denied or I/O error", "check the file's permissions")
        }
        if data.count > maximum { return tooLarge("over \(maximum)") }
        return .success(([UInt8](data), path))
    }

    /// Opens the file for reading in chunks and hands its descriptor to `parse`, with the same
    /// checks and messages as `read`; the descriptor is closed afterwards. `-` is standard input
    /// (not closed). Readers that stream (GraphML, GEXF) use this, so no copy of the whole file is made.
    static func withDescriptor(_ path: String, expecting kind: String, _ parse: (Int32, String) -> LoadResult) -> LoadResult {
        if path == "-" { return parse(FileHandle.standardInput.fileDescriptor, "<stdin>") }
        let start = SourceLocation(file: path, line: 1, column: 1)
        func failure(_ message: String, _ fix: String) -> LoadResult {
            LoadResult(network: nil, diagnostics: [Diagnostic(.error, at: start, message, fix: fix)], unreadable: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("cannot read '\(path)': no such file", "check the path; the shipped network is graphs/russia-iran.yaml")
        }
        guard !isDirectory.boolValue else {
            return failure("cannot read '\(path)': it is a directory", "name a \(kind) file inside it")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return failure("cannot read '\(path)': permission denied or I/O error", "check the file's permissions")
        }
        defer { close(fd) }
        return parse(fd, path)
    }

    /// Reads the file and hands its bytes to `parse`.
    static func load(_ path: String, expecting kind: String, maximum: Int = maximumBytes,
                     _ parse: ([UInt8], String) -> LoadResult) -> LoadResult {
        switch read(path, expecting: kind, maximum: maximum) {
        case let .success((bytes, file)): parse(bytes, file)
        case let .failure(box): box.result
        }
    }
}

/// A `LoadResult` as an `Error`, to travel in a `Result`.
struct LoadResultBox: Error {
    var result: LoadResult
}
