//! The real binary in a pseudo-terminal of a given size, its output read through a terminal
//! emulator (vt100), so that tests check the screen a user sees rather than escape codes.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

/// How long anything may take to show before a test gives up and shows the screen.
const PATIENCE: Duration = Duration::from_secs(20);

impl Screen {
    /// weizhong with `args` in a `columns` × `rows` terminal, with the tests' plain environment
    /// (see `weizhong`) and `env` laid over it.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], (columns, rows): (u16, u16)) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let plain = super::weizhong(args);
        let mut command = CommandBuilder::new(plain.get_program());
        command.args(plain.get_args());
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        for (key, value) in plain.get_envs() {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            }
        }
        command.env("TERM", "xterm-256color");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("weizhong starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(columns),
            0,
        )));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (into_parser, into_bytes) = (Arc::clone(&parser), Arc::clone(&bytes));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                into_parser.lock().unwrap().process(&buf[..n]);
                into_bytes.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Self {
            parser,
            bytes,
            writer,
            child,
            master: pair.master,
        }
    }

    /// The screen's text, row by row.
    pub fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen's rows, trailing spaces gone.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let (_, columns) = parser.screen().size();
        parser
            .screen()
            .rows(0, columns.get())
            .map(|r| r.trim_end().to_owned())
            .collect()
    }

    /// Everything written so far, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.bytes.lock().unwrap()).into_owned()
    }

    /// Waits until the screen shows `text`; fails showing the screen.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "the screen never showed {text:?}:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until everything written so far contains `text`.
    pub fn wait_for_output(&self, text: &str) {
        let start = Instant::now();
        while !self.output().contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "the output never had {text:?}:\n{}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The window resized, as a terminal emulator does it.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(nonzero(rows), nonzero(columns));
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn pid(&self) -> i32 {
        i32::try_from(self.child.process_id().expect("a running child")).unwrap()
    }

    /// Whether the terminal is in cooked mode: lines edited and echoed, as a shell expects.
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("the terminal's settings");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Waits for the end; the exit code.
    pub fn wait(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last of the output.
                std::thread::sleep(Duration::from_millis(50));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "weizhong did not end:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal of at least one row and column")
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
