//! Opening a file only if it is a regular file, without ever blocking: a
//! FIFO, a device or a socket in place of a dialogue or data file would
//! otherwise hang the reader (a FIFO's `open` waits for a writer, and a
//! read from `/proc/kmsg` waits for the kernel).

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for reading if it is a regular file (symlinks followed).
/// On Unix the open does not wait (`O_NONBLOCK`), so a FIFO is refused at
/// once; a special file that looks regular (`/proc/kmsg`) fails on read
/// instead of blocking. Anything else is an `InvalidInput` error naming
/// what the path is.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file ({})", describe(kind)),
        ))
    }
}

/// What kind of non-regular file this is, in words.
fn describe(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}
