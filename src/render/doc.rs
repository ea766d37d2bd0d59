//! A page as a list of blocks: what to show, not how. Pages build it; renderers draw it.

/// One block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The page's title, with an optional subtitle on the line below.
    Title(String, Option<String>),
    /// A section heading; the blocks after it belong to it.
    Heading(String),
    /// A paragraph, wrapped.
    Paragraph(String),
    /// A paragraph to be read with care: a warning.
    Warning(String),
    /// A paragraph in a quieter style: sources, disclaimers.
    Aside(String),
    /// Steps numbered from 1.
    Numbered(Vec<String>),
    /// A bullet list.
    Bullets(Vec<String>),
    /// Label/value pairs with the labels aligned.
    Fields(Vec<(String, String)>),
    /// A table: a header row, then rows; the first column is a name.
    Table(Vec<String>, Vec<Vec<String>>),
    /// A drawing with a block beside it (the steps, a legend) when the page is wide enough,
    /// above it when not, and left out when the page is narrower than the drawing.
    Figure(String, Box<Block>),
}

/// A whole page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    pub fn title(&mut self, text: impl Into<String>, subtitle: Option<String>) -> &mut Self {
        self.push(Block::Title(text.into(), subtitle))
    }

    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Heading(text.into()))
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Paragraph(text.into()))
    }

    /// A list of bullets, left out when there are none.
    pub fn bullets(&mut self, items: &[String]) -> &mut Self {
        if !items.is_empty() {
            self.push(Block::Bullets(items.to_vec()));
        }
        self
    }

    /// A heading followed by bullets, both left out when there are none.
    pub fn bullet_section(&mut self, heading: &str, items: &[String]) -> &mut Self {
        if !items.is_empty() {
            self.heading(heading).bullets(items);
        }
        self
    }

    /// A paragraph in a quieter style.
    pub fn aside(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Aside(text.into()))
    }
}
