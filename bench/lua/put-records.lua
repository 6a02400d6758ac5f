-- PUT of distinct 200-byte records: each wrk thread of each round (`wrk ... -- <round>`) writes
-- its own key range, so every request creates a new child under /bench/records.
local counter = 0
local threads = {}
local id = 0
local round = "0"

-- `setup` runs in the main Lua state; `thread:set` defines a global in the thread's own state,
-- which `init` reads there.
function setup(thread)
    thread:set("thread_id", #threads)
    table.insert(threads, thread)
end

function init(args)
    id = tonumber(thread_id) or 0
    round = args[1] or "0"
end

-- 200 bytes of JSON: {"agent":"a-000000","seq":123,"payload":"xxx..."}
local function record(n)
    local head = string.format('{"agent":"a-%06d","seq":%d,"payload":"', id, n)
    local tail = '"}'
    return head .. string.rep("x", 200 - #head - #tail) .. tail
end

function request()
    counter = counter + 1
    local path = string.format("/bench/records/r%s-t%d-%d.json?print=silent", round, id, counter)
    return wrk.format("PUT", path, { ["Content-Type"] = "application/json" }, record(counter))
end
