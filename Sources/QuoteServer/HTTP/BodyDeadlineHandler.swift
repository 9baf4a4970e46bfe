import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A request body must arrive whole within `timeout` of its head (``ServerOptions/bodyTimeout``,
/// 30 s by default): the idle timeout alone is reset by every byte, so one byte a minute would
/// hold a connection and a request task for ever, on the open `/q/{token}` and
/// `/console/sign-in` too. When the time is up the request's body stream fails with
/// ``BodyTooLate``; ``ErrorMiddleware`` answers it 408 with the JSON error body, and this handler
/// closes the connection once that answer is written (any 408 closes it).
///
/// Armed only for a head that announces a body (`Content-Length` above 0, or
/// `Transfer-Encoding`); disarmed by the request's end.
///
/// An error answer (4xx, 5xx) written before the request's body has ended (the early 413 of a
/// declared `Content-Length` over the limit, a 400 of a malformed body) gets `Connection: close`
/// and closes the connection once written: the rest of the body is not read.
final class BodyDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The error the body stream fails with when its deadline passes.
    struct BodyTooLate: Error {
        let seconds: Int64
    }

    let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var closeAfterAnswer = false
    private var bodyOpen = false
    private var closing = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head) where Self.announcesBody(head):
            bodyOpen = true
            arm(context)
        case .end:
            bodyOpen = false
            disarm()
        case .head, .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // After the closing answer nothing more is written (Hummingbird would add its own empty
        // 400 for a parse error it reads again when it drains the body).
        guard !closing else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head) where bodyOpen && head.status.code >= 400:
            closeAfterAnswer = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
            return
        case .head(let head) where head.status == .requestTimeout: closeAfterAnswer = true
        case .end where closeAfterAnswer:
            closing = true
            let closing = context.eventLoop.makePromise(of: Void.self)
            closing.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            closing.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: closing)
            return
        default: break
        }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    static func announcesBody(_ head: HTTPRequest) -> Bool {
        if head.headerFields[.transferEncoding] != nil { return true }
        guard let length = head.headerFields[.contentLength] else { return false }
        return length != "0"
    }

    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        let seconds = timeout.nanoseconds / 1_000_000_000
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.timer = nil
            self.closeAfterAnswer = true
            context.fireErrorCaught(BodyTooLate(seconds: seconds))
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
