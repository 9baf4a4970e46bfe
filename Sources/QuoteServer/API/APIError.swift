import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteStore

/// An error answered as JSON: `{ "error": "...", "field": "device.imei" }`.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?
    /// Headers of the answer besides the content type (`Allow`, `Retry-After`).
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ message: String, field: String? = nil, headers: HTTPFields = [:]
    ) {
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(text: jsonText, status: status, headers: headers)
    }

    /// The body: `{"error": …, "field": …}`.
    var jsonText: String {
        var body = JSONObject()
        body.append("error", .string(message))
        body.append("field", field.map(JSONValue.string))
        return JSONWriter.write(.object(body), pretty: false)
    }

    /// The API error of a domain or store error; nil for unexpected errors.
    static func mapping(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as ValidationError:
            return APIError(
                .unprocessableContent, error.message, field: error.field.isEmpty ? nil : error.field)
        case let error as DeskError: return mapping(error)
        case let error as StoreError: return mapping(DeskError(error))
        default: return nil
        }
    }

    /// The one place a use case's refusal becomes a status and a JSON body.
    static func mapping(_ error: DeskError) -> APIError {
        switch error {
        case .notFound: APIError(.notFound, "no such quote")
        case .forbidden(let role): APIError(.forbidden, "the \(role.rawValue) role may not do this")
        case .conflict(let message): APIError(.conflict, message)
        case .invalid(let field, let message): APIError(.unprocessableContent, message, field: field)
        case .busy(let message): APIError(.serviceUnavailable, message)
        case .missing(let thing): APIError(.notFound, "no such \(thing)")
        }
    }
}

/// JSON response helpers over QuoteCore's writer (exact, ordered keys).
enum JSONBody {
    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        response(text: JSONWriter.write(value, pretty: false), status: status)
    }

    static func response(text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func response(bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Parses a stored JSON document (written by QuoteCore, so well-formed).
    static func parse(_ text: String) throws -> JSONValue {
        do { return try JSONParser.parse(text) } catch {
            throw APIError(.internalServerError, "stored JSON is damaged")
        }
    }
}
