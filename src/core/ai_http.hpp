// Asking a provider many questions at once: libcurl's multi interface, at most `concurrency`
// requests in flight, each with its own timeout, retried with exponential backoff and jitter
// (or after the delay the provider asked for) when the answer says it is worth it. The
// caller's interrupt check runs at least every 100 ms and may throw: every transfer is then
// abandoned and its handles freed (RAII).
#pragma once

#include "core/ai_wire.hpp"

#include <functional>
#include <vector>

namespace cartridge::ai {

struct AskOptions {
    int concurrency = 8;
    long timeout_ms = 60000;        // per attempt
    int max_attempts = 4;           // the first one included
    double base_delay_s = 0.5;      // before the second attempt; doubles, with jitter
    double max_delay_s = 30;        // longest backoff
    double max_retry_after_s = 120; // a provider asking for longer is a failure
    std::function<void()> check_interrupts;
};

struct Call {
    Answer answer;            // the last attempt's outcome
    int attempts = 0;
    long http_status = 0;     // of the last attempt
    double latency_ms = 0;    // first attempt's start to the end, waits included
};

// Asks every prompt; results in the order of the prompts.
std::vector<Call> ask_all(const Endpoint& endpoint, const std::vector<Prompt>& prompts, const AskOptions& options);

}  // namespace cartridge::ai
