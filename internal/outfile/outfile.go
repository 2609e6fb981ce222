// Package outfile writes the files a run produces (reports, baselines) so
// that nothing the user had is lost: a file is written whole beside its
// target and renamed over it only once complete and synced, so a killed
// run, a full disk or a file size limit leaves the old file as it was.
// The new file keeps the old one's permissions (or gets the umask's
// default), a symbolic link is written through to its target rather than
// replaced, and a file the user made read-only is refused, not replaced.
// Check says before a run whether each output can be written, so that a
// run does not end with half of its outputs.
package outfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Check reports whether path can be written by Write: its directory
// exists and takes new files, and path, if it exists, is not a directory
// nor a read-only file. It creates and removes a temporary file beside the
// target, as Write will.
func Check(path string) error {
	if path == "" {
		return nil
	}
	target, info, err := resolve(path)
	if err != nil {
		return err
	}
	if info != nil && !info.Mode().IsRegular() {
		if info.IsDir() {
			return fmt.Errorf("%s: is a directory", path)
		}
		// a device or a pipe (/dev/stdout) is written in place
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		return f.Close()
	}
	if err := writable(path, info); err != nil {
		return err
	}
	tmp, err := create(target, info)
	if err != nil {
		return err
	}
	tmp.Close()
	return os.Remove(tmp.Name())
}

// Write writes path with write, through a temporary file in the target's
// directory that is synced and renamed over the target once write
// succeeds. When write fails, or ctx is done while it writes (the run was
// interrupted), the temporary file is removed and the target is left as
// it was. A path that is not a regular file (a device, a pipe) is written
// in place.
func Write(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	target, info, err := resolve(path)
	if err != nil {
		return err
	}
	if info != nil && !info.Mode().IsRegular() && !info.IsDir() {
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		err = write(ctxWriter{ctx, f})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if info != nil && info.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	if err := writable(path, info); err != nil {
		return err
	}
	tmp, err := create(target, info)
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(ctxWriter{ctx, tmp}); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	syncDir(filepath.Dir(target))
	return nil
}

// resolve follows path's symbolic links to the file to replace, and
// stats it; info is nil when it does not exist yet.
func resolve(path string) (target string, info fs.FileInfo, err error) {
	target = path
	for range 40 {
		li, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Stat(filepath.Dir(target)); err != nil {
				return "", nil, err
			}
			return target, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		if li.Mode()&fs.ModeSymlink == 0 {
			return target, li, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", nil, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// writable refuses a file without its owner's write permission: the user
// made it read-only, and replacing it (which the directory's permission
// allows) would undo that.
func writable(path string, info fs.FileInfo) error {
	if info != nil && info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: file is read-only (mode %04o); make it writable or write elsewhere", path, info.Mode().Perm())
	}
	return nil
}

// create makes the temporary file beside target: hidden, named after it,
// with the old file's permissions, or 0666 less the umask for a new file
// (the kernel applies the umask to the mode given to open).
func create(target string, old fs.FileInfo) (*os.File, error) {
	dir, base := filepath.Split(target)
	perm := fs.FileMode(0o666)
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if old != nil {
			if err := f.Chmod(old.Mode().Perm()); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
		}
		return f, nil
	}
	return nil, fmt.Errorf("%s: cannot create a temporary file beside it", target)
}

// syncDir makes a rename in dir durable; where directories cannot be
// synced (some file systems, other systems) the rename stands anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// ctxWriter fails its writes once ctx is done, so that an interrupted run
// stops writing.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
