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
/// less its headers is taken. A pipelined request is counted from its own first byte; only one
/// whose head began inside a read of the previous request's body is answered 431 whatever
/// overflowed, and its answer follows the answer of the request before it. The answer to a `HEAD` request has the JSON body's `Content-Length` and no body.
final class HeadLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limits: ServerOptions.HeadLimits
    private let watch = RequestLineWatch()
    /// A request was read whose answer has not ended: an overflow of the next head waits for it.
    private var awaiting = false
    private var overflowed = false

    init(limits: ServerOptions.HeadLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(watch, position: .first)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            watch.inHead = false
            awaiting = true
        case .end: watch.nextHead()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        let deferred = awaiting && overflowed
        awaiting = false
        context.write(data, promise: promise)
        if deferred { answerOverflow(context: context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard case .headerOverflow? = error as? HTTPParserError, !overflowed else {
            context.fireErrorCaught(error)
            return
        }
        overflowed = true
        // A pipelined head: its answer follows the previous request's.
        if !awaiting { answerOverflow(context: context) }
    }

    private func answerOverflow(context: ChannelHandlerContext) {
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
        if !watch.isHeadRequest { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

/// Sits in front of the HTTP decoder and counts the bytes of the request head being read and of
/// its request line, for ``HeadLimitHandler``.
///
/// While a head is being read, each read is passed on to the decoder one line at a time, so the
/// request's end that a line completes (a request without a body ends with its head) resets the
/// counts before the next line, which starts the next head, is counted: a pipelined request whose
/// head begins in the same read as the previous request's end is counted from its own first byte.
/// Only when a request's end falls inside a read of its body (the next head begins at an offset
/// the decoder does not tell) is the start of that next head unknown; its overflow is then the
/// headers' (431).
final class RequestLineWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Whether the bytes now arriving belong to a request head (cleared by ``HeadLimitHandler``
    /// when the head is decoded, set again at the request's end).
    var inHead = true
    private var lineEnded = false
    private var lineBytes = 0
    private var headBytes = 0
    /// The head's first bytes, up to five: enough to tell a `HEAD ` request.
    private var opening: [UInt8] = []
    /// The head began inside a body read, at an offset not known.
    private var startUnknown = false
    /// Set by ``nextHead()`` while a read is being passed on.
    private var ended = false

    /// Whether an overflow of this head is the URI's: its request line has not ended, or is
    /// longer than the rest of the head.
    var uriOverflowed: Bool { !startUnknown && (!lineEnded || lineBytes * 2 > headBytes) }

    /// Whether the head is a `HEAD` request's (its answer has no body).
    var isHeadRequest: Bool { !startUnknown && opening.elementsEqual("HEAD ".utf8) }

    func nextHead() {
        inHead = true
        ended = true
        startUnknown = false
        lineEnded = false
        lineBytes = 0
        headBytes = 0
        opening = []
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        while inHead, buffer.readableBytes > 0 {
            let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n"))
            let length = newline.map { $0 - buffer.readerIndex + 1 } ?? buffer.readableBytes
            guard let line = buffer.readSlice(length: length) else { return }
            count(line)
            context.fireChannelRead(wrapInboundOut(line))
        }
        guard buffer.readableBytes > 0 else { return }
        // Body bytes go on whole; a request's end among them leaves the next head's start unknown.
        ended = false
        context.fireChannelRead(wrapInboundOut(buffer))
        if ended { startUnknown = true }
    }

    private func count(_ line: ByteBuffer) {
        let bytes = line.readableBytesView
        // Empty lines before a request line are skipped by the decoder (RFC 9112 §2.2).
        if headBytes == 0, bytes.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) {
            return
        }
        if opening.count < 5 { opening += bytes.prefix(5 - opening.count) }
        headBytes += bytes.count
        if !lineEnded {
            if bytes.last == UInt8(ascii: "\n") {
                lineBytes += bytes.count - 1
                lineEnded = true
            } else {
                lineBytes += bytes.count
            }
        }
    }
}
