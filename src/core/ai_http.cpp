#include "core/ai_http.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>

namespace cartridge::ai {

namespace {

using Clock = std::chrono::steady_clock;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("libcurl could not be initialised");
    });
}

struct EasyDeleter {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// One prompt's state: its request (built once), and the transfer in flight if any.
struct Slot {
    HttpRequest request;
    std::unique_ptr<CURL, EasyDeleter> easy;
    std::unique_ptr<curl_slist, ListDeleter> headers;
    HttpResponse response;
    Clock::time_point first_start{};
    Clock::time_point next_start{};
    bool started = false;
    bool done = false;
};

size_t write_body(char* data, size_t size, size_t n, void* slot) {
    static_cast<Slot*>(slot)->response.body.append(data, size * n);
    return size * n;
}

size_t write_header(char* data, size_t size, size_t n, void* slot) {
    std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        static_cast<Slot*>(slot)->response.headers[name] =
            first == std::string::npos ? "" : value.substr(first, last - first + 1);
    } else if (line.rfind("HTTP/", 0) == 0) {
        static_cast<Slot*>(slot)->response.headers.clear();  // a new response (after 100 Continue)
    }
    return size * n;
}

// The multi handle, and every easy handle still attached to it, freed on every exit.
class Multi {
public:
    Multi() : multi_(curl_multi_init()) {
        if (!multi_)
            throw std::runtime_error("libcurl could not create a multi handle");
    }
    ~Multi() {
        for (CURL* easy : attached_)
            curl_multi_remove_handle(multi_, easy);
        curl_multi_cleanup(multi_);
    }
    Multi(const Multi&) = delete;
    Multi& operator=(const Multi&) = delete;
    CURLM* get() const { return multi_; }
    void attach(CURL* easy) {
        curl_multi_add_handle(multi_, easy);
        attached_.push_back(easy);
    }
    void detach(CURL* easy) {
        curl_multi_remove_handle(multi_, easy);
        attached_.erase(std::remove(attached_.begin(), attached_.end(), easy), attached_.end());
    }
    std::size_t in_flight() const { return attached_.size(); }

private:
    CURLM* multi_;
    std::vector<CURL*> attached_;
};

void start(Slot& slot, Multi& multi, const AskOptions& options) {
    slot.easy.reset(curl_easy_init());
    if (!slot.easy)
        throw std::runtime_error("libcurl could not create a transfer");
    curl_slist* list = nullptr;
    for (const std::string& h : slot.request.headers)
        list = curl_slist_append(list, h.c_str());
    list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
    slot.headers.reset(list);
    slot.response = HttpResponse{};
    CURL* e = slot.easy.get();
    curl_easy_setopt(e, CURLOPT_URL, slot.request.url.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, slot.request.body.c_str());
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(slot.request.body.size()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &slot);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &slot);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, options.timeout_ms);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, std::min(options.timeout_ms, 10000L));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    // The key goes where the URL says, and nowhere else: no redirects, http(s) only.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_USERAGENT, "cartridge/" CARTRIDGE_VERSION);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    multi.attach(e);
    if (!slot.started) {
        slot.started = true;
        slot.first_start = Clock::now();
    }
}

double backoff_s(int attempt, const AskOptions& options, std::mt19937& random) {
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const double delay = options.base_delay_s * std::pow(2.0, attempt - 1) * jitter(random);
    return std::min(delay, options.max_delay_s);
}

}  // namespace

std::vector<Call> ask_all(const Endpoint& endpoint, const std::vector<Prompt>& prompts, const AskOptions& options) {
    global_init();
    std::vector<Slot> slots(prompts.size());
    std::vector<Call> calls(prompts.size());
    for (std::size_t i = 0; i < prompts.size(); i++)
        slots[i].request = build_request(endpoint, prompts[i]);
    std::mt19937 random(std::random_device{}());
    Multi multi;
    const std::size_t concurrency = static_cast<std::size_t>(std::max(1, options.concurrency));
    std::size_t remaining = prompts.size();
    while (remaining > 0) {
        if (options.check_interrupts)
            options.check_interrupts();
        auto now = Clock::now();
        Clock::time_point next_due = now + std::chrono::milliseconds(100);
        for (std::size_t i = 0; i < slots.size() && multi.in_flight() < concurrency; i++) {
            Slot& s = slots[i];
            if (s.done || s.easy)
                continue;
            if (s.next_start <= now)
                start(s, multi, options);
            else
                next_due = std::min(next_due, s.next_start);
        }
        int running = 0;
        curl_multi_perform(multi.get(), &running);
        int queued = 0;
        bool freed = false;  // a transfer ended: its place may go to the next prompt at once
        while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;
            auto it = std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return s.easy.get() == easy; });
            if (it == slots.end())
                continue;
            Slot& s = *it;
            Call& call = calls[static_cast<std::size_t>(it - slots.begin())];
            if (code == CURLE_OK) {
                curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &s.response.status);
            } else {
                s.response.status = 0;
                s.response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
                s.response.transport_error = curl_easy_strerror(code);
            }
            multi.detach(easy);
            s.easy.reset();
            s.headers.reset();
            freed = true;
            call.attempts++;
            call.http_status = s.response.status;
            call.answer = interpret(endpoint, s.response, prompts[static_cast<std::size_t>(it - slots.begin())].schema);
            now = Clock::now();
            bool finished = call.answer.outcome != Outcome::retry;
            if (!finished && call.attempts >= options.max_attempts) {
                call.answer.outcome = Outcome::fail;
                call.answer.error = fmt::format("gave up after {} attempts: {}", call.attempts, call.answer.error);
                finished = true;
            }
            if (!finished && call.answer.retry_after && *call.answer.retry_after > options.max_retry_after_s) {
                call.answer.outcome = Outcome::fail;
                call.answer.error = fmt::format("{}; the provider asked to wait {:.0f} s, more than {:.0f} s",
                                                call.answer.error, *call.answer.retry_after,
                                                options.max_retry_after_s);
                finished = true;
            }
            if (finished) {
                s.done = true;
                remaining--;
                call.latency_ms = std::chrono::duration<double, std::milli>(now - s.first_start).count();
                continue;
            }
            const double wait = call.answer.retry_after ? *call.answer.retry_after
                                                        : backoff_s(call.attempts, options, random);
            s.next_start = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait));
            next_due = std::min(next_due, s.next_start);
        }
        if (remaining == 0)
            break;
        if (freed)
            continue;
        const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(next_due - Clock::now()).count();
        curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(std::clamp<long long>(wait_ms, 0, 100)), nullptr);
    }
    return calls;
}

}  // namespace cartridge::ai
