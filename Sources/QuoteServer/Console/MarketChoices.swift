import Foundation
import QuoteCore
import QuoteJSON

/// The choices of the quote form for one market, from its price list in force: models, findings,
/// purchase channels, labour codes and parts (with the models they fit). Served as JSON at
/// `GET /v1/catalog/{market}` and used to fill the form's lists.
struct MarketChoices: Sendable {
    let priceList: PriceList

    var market: String { priceList.settings.market.rawValue }

    var models: [(name: String, category: DeviceCategory)] {
        priceList.policy.modelNames.compactMap { name in
            priceList.policy.models[ModelName.normalize(name)].map { (name, $0) }
        }
    }

    var findings: [String] { Finding.allCases.map(\.rawValue) }
    var channels: [String] { Channel.allCases.map(\.rawValue) }

    /// Labour codes, for the model's category when given.
    func labor(category: DeviceCategory? = nil) -> [LaborRate] {
        priceList.labor.values.filter { category == nil || $0.category == category }
            .sorted { ($0.category.rawValue, $0.code) < ($1.category.rawValue, $1.code) }
    }

    /// Parts, only those that fit `model` when given.
    func parts(model: String? = nil) -> [Part] {
        priceList.parts.values.filter { part in model.map { part.fits(model: $0) } ?? true }
            .sorted { $0.sku < $1.sku }
    }

    /// The category of a listed model.
    func category(of model: String) -> DeviceCategory? { priceList.policy.models[ModelName.normalize(model)] }

    var json: JSONValue {
        var o = JSONObject()
        o.append("market", .string(market))
        o.append("version", .string(priceList.settings.version))
        o.append("currency", .string(priceList.settings.currency.code))
        o.append(
            "models",
            .array(
                models.map {
                    .object(
                        JSONObject([("name", .string($0.name)), ("category", .string($0.category.rawValue))]))
                }))
        o.append("findings", .array(findings.map(JSONValue.string)))
        o.append("channels", .array(channels.map(JSONValue.string)))
        o.append(
            "labor",
            .array(
                labor().map {
                    .object(
                        JSONObject([
                            ("category", .string($0.category.rawValue)), ("code", .string($0.code)),
                            ("description", .string($0.description)), ("names", Self.names($0.names)),
                            ("price", .number($0.price.text)),
                        ]))
                }))
        o.append(
            "parts",
            .array(
                parts().map { part in
                    let fits = part.models.map { _ in
                        JSONValue.array(models.filter { part.fits(model: $0.name) }.map { .string($0.name) })
                    }
                    return .object(
                        JSONObject([
                            ("sku", .string(part.sku)), ("description", .string(part.description)),
                            ("names", Self.names(part.names)),
                            ("category", .string(part.category.rawValue)), ("models", fits ?? .null),
                            ("price", .number(part.price.text)),
                        ]))
                }))
        return .object(o)
    }

    /// A row's names by language (`names.<lang>.yaml`), in language order.
    static func names(_ names: [String: String]) -> JSONValue {
        .object(JSONObject(names.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }
}
