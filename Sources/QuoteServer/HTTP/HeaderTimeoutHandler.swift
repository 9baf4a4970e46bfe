import Hummingbird
import HummingbirdCore
import NIOCore

/// Closes a connection whose first request head is not complete within `timeout` (a client that
/// opens connections and never finishes a request would otherwise hold them for ever). It sits
/// after the HTTP decoder, which passes a request on only once its head is complete, so the first
/// part read ends the wait. Later requests on a kept-alive connection are covered by the idle
/// timeout (``ServerOptions/idleTimeout``).
final class HeaderTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var headRead = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !headRead {
            headRead = true
            timer?.cancel()
            timer = nil
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard timer == nil, !headRead else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }
}

extension ServerOptions {
    /// HTTP/1.1 with the header, body and idle timeouts and the head limits of these options.
    public var httpServer: HTTPServerBuilder {
        let headerTimeout = TimeAmount(headerTimeout)
        let bodyTimeout = TimeAmount(bodyTimeout)
        let limits = headLimits
        var configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                HeaderTimeoutHandler(timeout: headerTimeout), HeadLimitHandler(limits: limits),
                BodyDeadlineHandler(timeout: bodyTimeout),
            ],
            idleTimeout: TimeAmount(idleTimeout))
        configuration.httpDecoder = .init(
            maxHeaderFieldSize: limits.fieldBytes, maxHeaderListSize: limits.totalBytes,
            maxHeaderFieldCount: limits.fieldCount)
        return .http1(configuration: configuration)
    }
}
