#pragma once
// The writers of kith-gen's inputs, one per format family, each in its own .cpp: they write one
// input (or two for email) into a folder and return what importing it must give.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "bench/gen/corpus_manifest.h"
#include "bench/gen/corpus_size.h"
#include "bench/gen/roster.h"

namespace kith::bench {

/// Writes DIR/mail.mbox and DIR/Maildir (cur/, new/, .Sent/): personal threads with replies,
/// group threads, mailing lists and newsletters, multipart/alternative and attachments,
/// encoded-word names and subjects, bodies with "From " lines, plus a few messages to myself
/// and Gmail-labelled spam that the importers skip. Returns the two inputs' expectations.
std::vector<InputExpectation> write_email_corpus(const Roster& roster, const CorpusSize& size,
                                                 const std::filesystem::path& dir,
                                                 std::uint64_t seed);

/// Writes DIR/twitter-archive.zip: manifest.js, account.js, tweets.js + tweets-partN.js, direct
/// messages and followers. Replies, mentions and retweets are imported; tweets naming no one and
/// self-replies are skipped.
InputExpectation write_twitter_archive(const Roster& roster, const CorpusSize& size,
                                       const std::filesystem::path& dir, std::uint64_t seed);

/// Writes DIR/mastodon-archive.tar.gz: public mentions (some of local users, named "@user"),
/// replies, direct messages, boosts; posts naming no one, self-replies and boosts of my own
/// posts are skipped. The outbox's totalItems differs from its item count, as in real archives.
InputExpectation write_mastodon_archive(const Roster& roster, const CorpusSize& size,
                                        const std::filesystem::path& dir, std::uint64_t seed);

/// Writes DIR/wordpress.xml: ten comments a post from roster commenters and some by me, values
/// with and without CDATA, replies before their parents; unapproved, trashed comments and
/// pingbacks are skipped.
InputExpectation write_wxr_export(const Roster& roster, const CorpusSize& size,
                                  const std::filesystem::path& dir, std::uint64_t seed);

/// Writes DIR/disqus.xml: categories, threads, then posts with authors (some anonymous, some
/// without email), replies (a few before their parents), createdAt with and without "Z",; deleted
/// and spam posts are skipped.
InputExpectation write_disqus_export(const Roster& roster, const CorpusSize& size,
                                     const std::filesystem::path& dir, std::uint64_t seed);

/// Writes DIR/contacts.vcf: one card a person (3.0 and 4.0), CRLF, folded lines (some inside a
/// UTF-8 sequence), escapes, repeated EMAIL/TEL, Apple item groups, social profiles, birthdays
/// in three spellings. Counts are not exact: how cards merge into people is the importer's.
InputExpectation write_vcards(const Roster& roster, const std::filesystem::path& dir,
                              std::uint64_t seed);

/// Writes DIR/calendar.ics: past and future meetings with roster attendees (quoted CNs,
/// upper-case MAILTO:, Windows TZIDs, all-day events, weekly recurrences). Counts not exact.
InputExpectation write_calendar(const Roster& roster, const CorpusSize& size,
                                const std::filesystem::path& dir, std::uint64_t seed);

}  // namespace kith::bench
