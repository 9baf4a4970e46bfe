import QuoteCore
