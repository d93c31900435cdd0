#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain `http://` address: host, port, the path prefix a server may sit under, and the
/// credentials it may carry (`http://user:password@host:9090/prometheus`).
public struct HTTPAddress: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The path before the API's own (`/prometheus`), without a trailing slash; "" for none.
    public var prefix: String
    public var user: String?
    public var password: String?

    /// Reads `text`; nil with the reason when it is not an `http://` URL this client can use.
    public static func parse(_ text: String) -> Swift.Result<HTTPAddress, HTTPFailure> {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") {
            return .failure(
                .unavailable(
                    "https is not supported: scaleplan speaks plain HTTP (TLS would need a library it does not link); reach the server through a TLS-terminating proxy on loopback, such as kubectl port-forward or stunnel"
                ))
        }
        guard lower.hasPrefix("http://") else {
            return .failure(.invalid("expected an http:// URL, such as http://127.0.0.1:9090"))
        }
        var rest = Substring(text.dropFirst("http://".count))
        var path = ""
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        var address = HTTPAddress(host: "", port: 80, prefix: "", user: nil, password: nil)
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            address.user = percentDecoded(String(parts[0]))
            address.password = parts.count > 1 ? percentDecoded(String(parts[1])) : ""
        }
        var host = rest
        if host.hasPrefix("[") {  // [::1]:9090
            guard let close = host.firstIndex(of: "]") else { return .failure(.invalid("unclosed [ in the host")) }
            let after = host[host.index(after: close)...]
            address.host = String(host[host.index(after: host.startIndex)..<close])
            host = after
            if host.hasPrefix(":") { host = host.dropFirst() } else if !host.isEmpty { return .failure(.invalid("bad port")) }
            if !host.isEmpty {
                guard let port = Int(host), (1...65535).contains(port) else {
                    return .failure(.invalid("port '\(host)' is not a number from 1 to 65535"))
                }
                address.port = port
            }
        } else {
            if let colon = host.lastIndex(of: ":") {
                let portText = host[host.index(after: colon)...]
                guard let port = Int(portText), (1...65535).contains(port) else {
                    return .failure(.invalid("port '\(portText)' is not a number from 1 to 65535"))
                }
                address.port = port
                host = host[..<colon]
            }
            address.host = String(host)
        }
        guard !address.host.isEmpty else { return .failure(.invalid("the URL has no host")) }
        if path.contains("?") || path.contains("#") {
            return .failure(.invalid("give the server's address without a query or fragment, such as http://127.0.0.1:9090"))
        }
        while path.hasSuffix("/") { path.removeLast() }
        address.prefix = path
        return .success(address)
    }

    /// The address as messages show it: never the credentials.
    public var display: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "http://\(host):\(port)\(prefix)"
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a request got no usable answer.
public enum HTTPFailure: Error, Sendable, Equatable {
    /// The server could not be reached: unknown host, refused, reset, timed out, TLS asked for.
    case unavailable(String)
    /// What came back is not HTTP (or is larger than the client takes).
    case malformed(String)
    /// The address itself is wrong.
    case invalid(String)
}

/// One HTTP response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    /// Header names lowercased, in order.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
}

/// A small HTTP/1.1 client over a socket: one `GET` per connection (`Connection: close`), every
/// step — connect, send, receive — bounded by one deadline, the body read by `Content-Length`,
/// chunked transfer coding or to the end. Written here rather than taken from Foundation's
/// networking so the statically linked binary needs no libcurl, and so the deadline is exact.
public enum HTTPClient {
    /// The largest response read (a Prometheus instant query answers in kilobytes).
    public static let maximumResponse = 32 * 1024 * 1024

    /// `GET prefix + target` from `address`, within `deadline` (seconds on the monotonic clock,
    /// see `now`).
    public static func get(
        _ address: HTTPAddress, target: String, headers: [(String, String)], deadline: Double
    ) throws(HTTPFailure) -> HTTPResponse {
        let socket = try connect(address, deadline: deadline)
        defer { _ = close(socket) }
        var request =
            "GET \(address.prefix)\(target) HTTP/1.1\r\nHost: \(address.host.contains(":") ? "[\(address.host)]" : address.host):\(address.port)\r\n"
        request += "Accept: application/json\r\nConnection: close\r\n"
        if let user = address.user {
            request += "Authorization: Basic \(base64(Array("\(user):\(address.password ?? "")".utf8)))\r\n"
        }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        try send(Array(request.utf8), on: socket, deadline: deadline, address: address)
        let raw = try receive(socket, deadline: deadline, address: address)
        return try parse(raw)
    }

    /// Seconds on the monotonic clock, for deadlines.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `text` with every byte but the unreserved ones (`A–Z a–z 0–9 - . _ ~`) percent-encoded,
    /// for a query-string value.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    // MARK: Socket steps

    private static func milliseconds(until deadline: Double) -> Int32 {
        Int32(Swift.max(0, Swift.min(Double(Int32.max), ((deadline - now()) * 1000).rounded(.up))))
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func connect(_ address: HTTPAddress, deadline: Double) throws(HTTPFailure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host, String(address.port), &hints, &list)
        guard status == 0, let first = list else {
            throw .unavailable("cannot resolve \(address.host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var problem = "no address for \(address.host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let socket = Glue.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard socket >= 0 else {
                problem = reason(errno)
                continue
            }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            #if canImport(Darwin)
                var one: Int32 = 1
                _ = setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if Glue.connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return socket }
            guard errno == EINPROGRESS else {
                problem = reason(errno)
                _ = close(socket)
                continue
            }
            var poller = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, milliseconds(until: deadline))
            if ready == 0 {
                _ = close(socket)
                throw .unavailable("timed out connecting to \(address.display)")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
            if ready > 0 && error == 0 { return socket }
            problem = reason(error != 0 ? error : errno)
            _ = close(socket)
        }
        throw .unavailable("cannot connect to \(address.display): \(problem)")
    }

    private static func send(_ bytes: [UInt8], on socket: Int32, deadline: Double, address: HTTPAddress) throws(HTTPFailure) {
        var sent = 0
        while sent < bytes.count {
            var poller = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, milliseconds(until: deadline)) > 0 else {
                throw .unavailable("timed out sending the request to \(address.display)")
            }
            let count = bytes[sent...].withUnsafeBytes { Glue.send(socket, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .unavailable("the connection to \(address.display) failed: \(reason(errno))")
            }
            sent += count
        }
    }

    private static func receive(_ socket: Int32, deadline: Double, address: HTTPAddress) throws(HTTPFailure) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Worked out once, when the header is in: scanning the growing response for it after
        // every read would be quadratic in its size.
        var complete: Int??
        while true {
            if complete == nil, headerEnd(data) != nil { complete = completeLength(data) }
            if let length = complete ?? nil, data.count >= length { return data }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds(until: deadline)) > 0 else {
                throw .unavailable("timed out waiting for \(address.display) to answer")
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .unavailable("the connection to \(address.display) failed: \(reason(errno))")
            }
            if count == 0 {
                guard !data.isEmpty else { throw .unavailable("\(address.display) closed the connection without answering") }
                return data
            }
            data += buffer[0..<count]
            if data.count > maximumResponse {
                throw .malformed("the response is larger than \(maximumResponse / 1024 / 1024) MiB")
            }
        }
    }

    /// The whole response's length once its headers are in and give a `Content-Length`; nil
    /// to read to the end (chunked, or no length).
    private static func completeLength(_ data: [UInt8]) -> Int? {
        guard let end = headerEnd(data) else { return nil }
        let head = String(decoding: data[..<end], as: UTF8.self).lowercased()
        guard !head.contains(text: "transfer-encoding: chunked") else { return nil }
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
            if let length = Int(String(line.dropFirst("content-length:".count)).trimmingWhitespace()) { return end + 4 + length }
        }
        return nil
    }

    private static func headerEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 0...(data.count - 4)
        where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// A whole response read off the wire: status line, headers and body (chunked transfer
    /// coding undone). Throws `malformed` for anything that is not HTTP/1.x.
    public static func parse(_ raw: [UInt8]) throws(HTTPFailure) -> HTTPResponse {
        guard raw.starts(with: Array("HTTP/1.".utf8)) else {
            let start = String(decoding: raw.prefix(40), as: UTF8.self).split(separator: "\r\n").first ?? ""
            throw .malformed("the answer is not HTTP (it starts '\(TextSafety.terminal(String(start)))')")
        }
        guard let end = headerEnd(raw) else { throw .malformed("the response has no complete HTTP header") }
        let lines = String(decoding: raw[..<end], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let status = lines[0].split(separator: " ", maxSplits: 2)
        guard status.count >= 2, status[0].hasPrefix("HTTP/1."), let code = Int(status[1]), (100...599).contains(code) else {
            throw .malformed("the answer is not HTTP (it starts '\(TextSafety.terminal(String(lines[0].prefix(40)))))')")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("a malformed HTTP header line") }
            headers.append(
                (String(line[..<colon]).lowercased(), String(line[line.index(after: colon)...]).trimmingWhitespace()))
        }
        var body = Array(raw[(end + 4)...])
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains(text: "chunked") }) {
            body = try dechunked(body)
        } else if let length = headers.first(where: { $0.name == "content-length" }).flatMap({ Int($0.value) }) {
            guard body.count >= length else { throw .malformed("the response ended before its Content-Length") }
            body = Array(body.prefix(length))
        }
        return HTTPResponse(status: code, reason: status.count > 2 ? String(status[2]) : "", headers: headers, body: body)
    }

    private static func dechunked(_ body: [UInt8]) throws(HTTPFailure) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = (index..<Swift.max(index, body.count - 1)).first(where: { body[$0] == 13 && body[$0 + 1] == 10 })
            else { throw .malformed("a malformed chunked body") }
            let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(String(sizeText).trimmingWhitespace(), radix: 16), size >= 0 else {
                throw .malformed("a malformed chunk size")
            }
            index = lineEnd + 2
            if size == 0 { return out }
            guard index + size <= body.count else { throw .malformed("the response ended inside a chunk") }
            out += body[index..<(index + size)]
            index += size + 2
        }
    }

    /// Standard base64 (RFC 4648), for a Basic authorization header.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<Swift.min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return out
    }
}

/// The C calls whose Swift names the enum's own methods would shadow.
private enum Glue {
    static func socket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 {
        #if canImport(Darwin)
            Darwin.socket(family, type, proto)
        #elseif canImport(Musl)
            Musl.socket(family, type, proto)
        #else
            Glibc.socket(family, type, proto)
        #endif
    }

    static func connect(_ socket: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
        #if canImport(Darwin)
            Darwin.connect(socket, address, length)
        #elseif canImport(Musl)
            Musl.connect(socket, address, length)
        #else
            Glibc.connect(socket, address, length)
        #endif
    }

    static func send(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            Darwin.send(socket, bytes, count, 0)
        #elseif canImport(Musl)
            Musl.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #else
            Glibc.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #endif
    }
}
