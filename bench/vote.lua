-- Each request votes as one of the signed-in members (bench/sessions.txt: "cookie token" per line) on a random
-- contribution of the biggest challenge (ids 1 to BENCH_CONTRIBUTIONS).
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local cookie, token = line:match("^(%S+) (%S+)$")
  table.insert(sessions, {cookie = cookie, token = token})
end
local contributions = tonumber(os.getenv("BENCH_CONTRIBUTIONS"))
math.randomseed(os.time())
request = function()
  local s = sessions[math.random(#sessions)]
  return wrk.format("POST", "/contributions/" .. math.random(contributions) .. "/vote",
    {["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, "csrf=" .. s.token)
end
dofile(os.getenv("BENCH_DIR") .. "/page.lua")
