-- wrk script: POST a case file as JSON with an API key.
-- Usage: wrk -t2 -c32 -d20s --latency -s scripts/wrk-post.lua http://127.0.0.1:8080/v1/quotes/preview
-- Environment: CASE (default Examples/nl-out-of-warranty.json), KEY (default the sample service-center key),
-- KEY_PREFIX (keeps the Idempotency-Keys of several wrk processes run at once apart).
-- For POST /v1/quotes every request gets its own Idempotency-Key, so every request issues a quote.
local path = os.getenv("CASE") or "Examples/nl-out-of-warranty.json"
local file = assert(io.open(path, "r"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("KEY") or "sc-demo-0000000000000000000000000001")

local counter = 0
-- Each wrk thread gets its own number from setup(), so keys never repeat across threads (a random
-- number per thread repeated, because every thread's Lua state starts with the same seed).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", (os.getenv("KEY_PREFIX") or "") .. tostring(threads) .. "-" .. tostring(os.time()))
end

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter
  return wrk.format()
end
