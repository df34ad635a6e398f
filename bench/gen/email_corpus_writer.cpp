#include <array>
#include <string>

#include "bench/gen/gen_text.h"
#include "bench/gen/input_writers.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

constexpr std::time_t kStart = 1'732'492'800;  // 2024-11-25: two years before the demo "now"
constexpr std::time_t kSpan = 2 * 365 * 86400;

struct Newsletter {
    const char* name;
    const char* from;
    const char* list_id;  ///< empty: a newsletter recognised by its sender or Precedence only
};
constexpr std::array kNewsletters = {
    Newsletter{"LWN.net", "lwn@lwn.example", "<weekly.lwn.example>"},
    Newsletter{"DevConf", "dev@lists.devconf.example.org", "<dev.lists.devconf.example.org>"},
    Newsletter{"GitHub", "noreply@github.example", ""},
    Newsletter{"Städtische Bibliothek", "newsletter@bibliothek.example.de", "<news.bibliothek>"},
};
constexpr std::array kSubjects = {
    "Grant report draft",        "Lunch on Friday?",
    "Slides for the conference", "Budget review",
    "Café Kraków next week",     "Your talk at DevConf",
    "Invoice 2025-117",          "Re-ordering the board agenda",
    "Über den Workshop",         "Volunteer rota",
    "Podcast episode — guest?",  "Naïve question about sync",
};

/// Who a message is from and to; an address with its display name as it appears in headers.
struct Party {
    std::string name, address;
};

std::string mailbox(const Party& p) {
    return p.name.empty() ? "<" + p.address + ">" : encoded_word(p.name) + " <" + p.address + ">";
}

std::string mailbox_list(const std::vector<Party>& ps) {
    std::string out;
    for (const auto& p : ps) out += (out.empty() ? "" : ", ") + mailbox(p);
    return out;
}

std::string wrap_lines(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t col = 0, start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const auto word = text.substr(start, end - start);
        if (col && col + word.size() + 1 > width) {
            out += '\n';
            col = 0;
        } else if (col) {
            out += ' ';
            ++col;
        }
        out += word;
        col += word.size();
        start = end + 1;
    }
    return out + '\n';
}

/// Writes each message to both containers.
class MailWriter {
  public:
    MailWriter(const fs::path& dir, std::uint64_t seed)
        : m_mbox(dir / "mail.mbox"), m_maildir(dir / "Maildir"), m_seed(seed) {
        for (const char* sub : {"cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"})
            fs::create_directories(m_maildir / sub);
    }

    void write(const std::string& message, const std::string& envelope, std::time_t at, bool mine) {
        // mbox: a separator with an asctime date; body lines starting "From " quoted (mboxo).
        m_mbox.put("From " + envelope + " " + format_time(at, "%a %b %e %H:%M:%S %Y") + "\n");
        std::size_t pos = 0;
        while (pos < message.size()) {
            auto nl = message.find('\n', pos);
            if (nl == std::string::npos) nl = message.size() - 1;
            if (message.compare(pos, 5, "From ") == 0) m_mbox.put(">");
            m_mbox.put(std::string_view(message).substr(pos, nl - pos + 1));
            pos = nl + 1;
        }
        m_mbox.put("\n");

        // Maildir: mine in .Sent; the rest mostly read (cur/, ":2,S", sometimes the "!"
        // separator of filesystems without ':'), some unread in new/.
        const auto n = m_count++;
        std::string name = std::to_string(at) + ".M" + std::to_string(n) + "P" +
                           std::to_string(4000 + m_seed % 1000) + ".kith-gen";
        fs::path sub = mine ? fs::path(".Sent/cur") : fs::path("cur");
        if (!mine && n % 10 == 3)
            sub = "new";
        else
            name += n % 50 == 7 ? "!2,S" : ":2,S";
        TextOut f(m_maildir / sub / name);
        f.put(message);
        f.close();
    }

    void close() { m_mbox.close(); }

  private:
    TextOut m_mbox;
    fs::path m_maildir;
    std::uint64_t m_seed, m_count = 0;
};

/// Builds one message's text.
class MessageBuilder {
  public:
    explicit MessageBuilder(GenRandom& rng) : m_rng(rng) {}

    std::string headers;
    std::string body_text;

    void header(const std::string& name, const std::string& value) {
        headers += name + ": " + value + "\n";
    }

    /// The whole message: headers, MIME structure chosen at random, body.
    std::string finish(bool html_only) {
        const auto r = m_rng.below(100);
        const std::string text = body_text;
        std::string out = headers + "MIME-Version: 1.0\n";
        if (html_only || r < 30) {
            const std::string b = "alt-" + std::to_string(m_rng.next() % 1000000);
            out += "Content-Type: multipart/alternative; boundary=\"" + b + "\"\n\n";
            out += "This is a multi-part message in MIME format.\n--" + b +
                   "\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: "
                   "quoted-printable\n\n" +
                   quoted_printable(text) + "--" + b +
                   "\nContent-Type: text/html; charset=UTF-8\n\n<html><body><p>" +
                   xml_escape(text) + "</p></body></html>\n--" + b + "--\n";
        } else if (r < 33) {
            const std::string b = "mixed-" + std::to_string(m_rng.next() % 1000000);
            std::string blob(12000 + m_rng.below(8000), '\0');
            for (auto& c : blob) c = static_cast<char>(m_rng.next() & 0xff);
            out += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\n\n--" + b +
                   "\nContent-Type: text/plain; charset=UTF-8\n\n" + text + "\n--" + b +
                   "\nContent-Type: application/pdf; name=\"minutes.pdf\"\n"
                   "Content-Disposition: attachment; filename=\"minutes.pdf\"\n"
                   "Content-Transfer-Encoding: base64\n\n" +
                   base64(blob, true) + "--" + b + "--\n";
        } else if (r < 43) {
            out +=
                "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: "
                "quoted-printable\n\n" +
                quoted_printable(text);
        } else {
            out += "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" +
                   text;
        }
        return out;
    }

  private:
    GenRandom& m_rng;
};

class EmailCorpus {
  public:
    EmailCorpus(const Roster& roster, const fs::path& dir, std::uint64_t seed)
        : m_roster(roster),
          m_rng(seed ^ 0x656d61696cULL),
          m_out(dir, seed),
          m_me{roster.me().name, roster.me().email},
          m_seed(seed) {}

    /// Writes `n` messages; returns how many the importers skip (to myself, spam).
    std::uint64_t write(std::uint64_t n) {
        std::uint64_t skipped = 0;
        while (m_written < n) {
            if (m_written % 500 == 250) {
                ++skipped;
                single({m_me}, m_me, "Note to self: " + std::string(m_rng.pick(subjects())), "");
            } else if (m_written % 500 == 499) {
                ++skipped;
                const Party spammer{"Prize Desk", "winner@prizes.example"};
                single({m_me}, spammer, "You have won", "X-Gmail-Labels: Spam,Category Promotions");
            } else {
                thread(n);
            }
        }
        m_out.close();
        return skipped;
    }

  private:
    static const std::vector<std::string>& subjects() {
        static const std::vector<std::string> s(kSubjects.begin(), kSubjects.end());
        return s;
    }

    Party person() {
        // Skewed: a few people get most of the mail, as in real mailboxes.
        const auto p = m_roster.people().size();
        const auto& who = m_roster.people()[m_rng.below(p) * m_rng.below(p) / p];
        const bool work = !who.work_email.empty() && m_rng.percent(20);
        return {who.name, work ? who.work_email : who.email};
    }

    std::string message_id(const Party& from) {
        return "<" + std::to_string(m_written) + "." + std::to_string(m_seed) + "." +
               std::to_string(m_rng.below(1u << 30)) + "@" +
               from.address.substr(from.address.find('@') + 1) + ">";
    }

    void single(const std::vector<Party>& to, const Party& from, const std::string& subject,
                const std::string& extra_header) {
        const std::time_t at = kStart + static_cast<std::time_t>(m_rng.below(kSpan));
        MessageBuilder b(m_rng);
        b.header("From", mailbox(from));
        b.header("To", mailbox_list(to));
        b.header("Subject", encoded_word(subject, true));
        b.header("Date", rfc5322_date(at, 0));
        b.header("Message-ID", message_id(from));
        if (!extra_header.empty()) b.headers += extra_header + "\n";
        b.body_text = wrap_lines(prose(m_rng, 30), 72);
        m_out.write(b.finish(false), from.address, at, from.address == m_me.address);
        ++m_written;
    }

    void thread(std::uint64_t n) {
        const auto kind = m_rng.below(100);
        if (kind < 15) return newsletter();
        std::vector<Party> them{person()};
        if (kind < 25)
            for (auto extra = m_rng.between(1, 3); extra; --extra) them.push_back(person());
        const std::string subject = m_rng.pick(subjects());
        const auto length = m_rng.between(1, 6);
        bool mine = m_rng.percent(40);
        std::time_t at = kStart + static_cast<std::time_t>(m_rng.below(kSpan));
        const int zone = static_cast<int>(m_rng.below(5)) * 60 - 120;
        std::string root, prev, refs, last_text;
        for (std::uint64_t k = 0; k < length && m_written < n; ++k) {
            if (m_written % 500 == 250 || m_written % 500 == 499) break;
            const Party from = mine ? m_me : them[m_rng.below(them.size())];
            std::vector<Party> to;
            if (!mine) to.push_back(m_me);
            for (const auto& p : them)
                if (p.address != from.address) to.push_back(p);
            MessageBuilder b(m_rng);
            b.header("From", mailbox(from));
            if (to.size() > 2 && m_rng.percent(50)) {
                b.header("To", mailbox(to.front()));
                b.header("Cc", mailbox_list(std::vector<Party>(to.begin() + 1, to.end())));
            } else {
                b.header("To", mailbox_list(to));
            }
            b.header("Subject", encoded_word((k ? "Re: " : "") + subject, m_rng.percent(50)));
            b.header("Date", rfc5322_date(at, zone));
            const auto id = message_id(from);
            b.header("Message-ID", id);
            if (k) {
                b.header("In-Reply-To", prev);
                b.header("References", refs);
            }
            std::string text = prose(m_rng, m_rng.between(15, 150));
            if (m_rng.below(30) == 0) text = "From the minutes of the last meeting: " + text;
            b.body_text = wrap_lines(text, 72);
            if (k)
                b.body_text += "\nOn " + rfc5322_date(at - 3600, zone) + ", someone wrote:\n> " +
                               last_text.substr(0, 200) + "\n";
            m_out.write(b.finish(false), from.address, at, mine);
            ++m_written;
            last_text = text;
            if (root.empty()) root = id;
            refs = refs.empty() ? id : refs + " " + id;
            prev = id;
            at += static_cast<std::time_t>(m_rng.between(600, 4 * 86400));
            mine = !mine;
        }
    }

    void newsletter() {
        const auto& nl = kNewsletters[m_rng.below(kNewsletters.size())];
        const std::time_t at = kStart + static_cast<std::time_t>(m_rng.below(kSpan));
        const Party from{nl.name, nl.from};
        MessageBuilder b(m_rng);
        b.header("From", mailbox(from));
        b.header("To", mailbox(m_me));
        b.header(
            "Subject",
            encoded_word(std::string(nl.name) + " weekly — " + format_time(at, "%d %b %Y"), true));
        b.header("Date", rfc5322_date(at, 60));
        b.header("Message-ID", message_id(from));
        if (*nl.list_id) b.header("List-Id", std::string(nl.name) + " " + nl.list_id);
        b.header("List-Unsubscribe",
                 "<mailto:unsubscribe@" +
                     std::string(nl.from).substr(std::string(nl.from).find('@') + 1) + ">");
        b.header("Precedence", "bulk");
        b.body_text = wrap_lines(prose(m_rng, 120), 72);
        m_out.write(b.finish(true), nl.from, at, false);
        ++m_written;
    }

    const Roster& m_roster;
    GenRandom m_rng;
    MailWriter m_out;
    Party m_me;
    std::uint64_t m_seed, m_written = 0;
};

}  // namespace

std::vector<InputExpectation> write_email_corpus(const Roster& roster, const CorpusSize& size,
                                                 const fs::path& dir, std::uint64_t seed) {
    EmailCorpus corpus(roster, dir, seed);
    const auto skipped = corpus.write(size.messages);
    InputExpectation mbox{"mbox", "mail.mbox", {},  size.messages, size.messages - skipped,
                          0,      skipped,     true};
    InputExpectation maildir = mbox;
    maildir.kind = "maildir";
    maildir.file = "Maildir";
    return {mbox, maildir};
}

}  // namespace kith::bench
