package discover

import (
	"path"
	"strings"
)

// Match reports whether a slash-separated relative path matches a glob
// pattern. Patterns use path.Match syntax per segment, plus "**" for any
// number of directories; a pattern without "/" matches the base name at any
// depth ("*.md"), and one ending in "/" matches everything under a
// directory ("drafts/").
func Match(pattern, rel string) bool {
	pattern = strings.TrimPrefix(strings.TrimPrefix(pattern, "./"), "/")
	rel = strings.TrimPrefix(rel, "./")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**"
	}
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(rel))
		return ok
	}
	return matchSegs(strings.Split(pattern, "/"), strings.Split(rel, "/"))
}

func matchSegs(p, s []string) bool {
	for len(p) > 0 {
		if p[0] == "**" {
			p = p[1:]
			if len(p) == 0 {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if matchSegs(p, s[i:]) {
					return true
				}
			}
			return false
		}
		if len(s) == 0 {
			return false
		}
		if ok, _ := path.Match(p[0], s[0]); !ok {
			return false
		}
		p, s = p[1:], s[1:]
	}
	return len(s) == 0
}

// ValidGlob reports a malformed pattern.
func ValidGlob(pattern string) error {
	if strings.TrimSpace(pattern) == "" {
		return errEmptyPattern
	}
	for _, seg := range strings.Split(pattern, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

type patternError string

func (e patternError) Error() string { return string(e) }

const errEmptyPattern = patternError("empty pattern")

// matchName matches a tag or directory name against patterns, ignoring
// case and treating "_" as "-" (zh_CN is zh-CN).
func matchName(patterns []string, name string) bool {
	n := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	for _, p := range patterns {
		if ok, _ := path.Match(strings.ReplaceAll(strings.ToLower(p), "_", "-"), n); ok {
			return true
		}
	}
	return false
}

// literal returns the first pattern without wildcards, for messages that
// name an expected file; def when there is none.
func literal(patterns []string, def string) string {
	for _, p := range patterns {
		if !strings.ContainsAny(p, "*?[\\") {
			return p
		}
	}
	return def
}
