import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a host name into addresses; the policy checks every one of them.
public protocol HostResolving: Sendable {
    /// All addresses of `host` (an empty array when it has none); throws when resolution fails.
    func addresses(of host: String) async throws -> [IPAddress]
}

/// A name that did not resolve.
public struct HostResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var reason: String
    public var description: String { "cannot resolve \(host): \(reason)" }
}

/// The system resolver (`getaddrinfo`), run off the caller's thread since it blocks.
public struct SystemHostResolver: HostResolving {
    public init() {}

    public func addresses(of host: String) async throws -> [IPAddress] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.resolve(host) })
            }
        }
    }

    static func resolve(_ host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            throw HostResolutionError(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var result: [IPAddress] = []
        var entry = list
        while let info = entry?.pointee {
            if let address = Self.address(info), !result.contains(address) { result.append(address) }
            entry = info.ai_next
        }
        return result
    }

    private static func address(_ info: addrinfo) -> IPAddress? {
        guard let raw = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            let v4 = UnsafeRawPointer(raw).load(as: sockaddr_in.self)
            return .v4(UInt32(bigEndian: v4.sin_addr.s_addr))
        case AF_INET6:
            var v6 = UnsafeRawPointer(raw).load(as: sockaddr_in6.self)
            return .v6(withUnsafeBytes(of: &v6.sin6_addr) { Array($0) })
        default:
            return nil
        }
    }
}
