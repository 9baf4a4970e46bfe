import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import QuoteJSON

/// A request head over the decoder's limits (``ServerOptions/headLimits``) is answered with the
/// JSON error body of every other error, then the connection is closed: 414 when the request line
/// (the URI) did not fit, 431 when the header fields did (too large, or too many). NIO reports
/// both as one `HTTPParserError.headerOverflow`, and Hummingbird would answer it with an empty
/// 400; which part overflowed is told by ``RequestLineWatch``, a handler this one puts in front of
/// the decoder, which counts the bytes of the current head and of its request line: 414 when the
/// request line is the larger part of the head (or has not ended), 431 otherwise.
///
/// One limit for both (the decoder counts the URI into the head), so a URI up to the head limit
/// less its headers is taken. On a pipelined connection whose next request began in the same read
/// as the previous request's end, an overflow is answered 431.
final class HeadLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limits: ServerOptions.HeadLimits
    private let watch = RequestLineWatch()
    private var answering = false

    init(limits: ServerOptions.HeadLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(watch, position: .first)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: watch.inHead = false
        case .end: watch.nextHead()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational: answering = true
        case .end: answering = false
        default: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard case .headerOverflow? = error as? HTTPParserError, !answering else {
            context.fireErrorCaught(error)
            return
        }
        let error =
            !watch.uriOverflowed
            ? APIError(
                .requestHeaderFieldsTooLarge,
                "the request headers are larger than this service takes (\(limits.description))")
            : APIError(
                .uriTooLong, "the request URI is longer than this service takes (\(limits.description))")
        let body = ByteBuffer(string: error.jsonText)
        let head = HTTPResponse(
            status: error.status,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes),
                .connection: "close", .requestID: RequestID.make(), .contentTypeOptions: "nosniff",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

/// Sits in front of the HTTP decoder and counts the bytes of the request head being read and of
/// its request line, for ``HeadLimitHandler``.
final class RequestLineWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Whether the bytes now arriving belong to a request head (cleared by ``HeadLimitHandler``
    /// when the head is decoded, set again at the request's end).
    var inHead = true
    private var lineEnded = false
    private var lineBytes = 0
    private var headBytes = 0

    /// Whether an overflow of this head is the URI's: its request line has not ended, or is
    /// longer than the rest of the head.
    var uriOverflowed: Bool { !lineEnded || lineBytes * 2 > headBytes }

    func nextHead() {
        inHead = true
        lineEnded = false
        lineBytes = 0
        headBytes = 0
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if inHead {
            let bytes = unwrapInboundIn(data).readableBytesView
            headBytes += bytes.count
            if !lineEnded {
                if let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    lineBytes += end - bytes.startIndex
                    lineEnded = true
                } else {
                    lineBytes += bytes.count
                }
            }
        }
        context.fireChannelRead(data)
    }
}
