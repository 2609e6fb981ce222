package server

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// static holds the page and its assets; nothing is fetched from elsewhere.
//
//go:embed static
var static embed.FS

func staticFS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	b, err := fs.ReadFile(staticFS(), "index.html")
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	write(w, "text/html; charset=utf-8", b)
}

// staticHandler serves the embedded assets under /static/, without
// directory listings.
func staticHandler() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(staticFS()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		if strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "/static/index.html" {
			jsonError(w, http.StatusNotFound, "no such file: "+r.URL.Path)
			return
		}
		files.ServeHTTP(w, r)
	})
}
