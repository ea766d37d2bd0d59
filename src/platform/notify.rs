//! A desktop notification: `notify-send` (Linux and the BSDs), or `osascript` (macOS).

use std::io;
use std::process::{Command, Stdio};

/// Shows `title` and `body`; nothing when there is no program to show them with.
pub fn send(title: &str, body: &str) -> io::Result<()> {
    let senders: [(&str, Vec<&str>); 2] = [
        ("notify-send", vec!["--app-name=weizhong", title, body]),
        (
            "osascript",
            // The texts are arguments, never spliced into the script.
            vec![
                "-e",
                "on run argv",
                "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)",
                "-e",
                "end run",
                title,
                body,
            ],
        ),
    ];
    for (program, args) in senders {
        match Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .output()
        {
            Ok(out) if out.status.success() => return Ok(()),
            Ok(out) => {
                let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
                return Err(io::Error::other(format!("{program}: {said}")));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
