-- Prints one line a script can read: requests/s, p50 and p99 in ms, errors (socket and non-2xx/3xx), bytes per answer.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %.0f %.2f %.2f %d %.0f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests > 0 and summary.bytes / summary.requests or 0))
end
