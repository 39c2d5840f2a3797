//! The authored look of one persona: the serde model of `assets/portraits/<name>.ron`.
//!
//! Everything here is plain data. The painter reads it together with the current
//! openness to draw the face, so a persona keeps one identity across every
//! expression. Numeric values are forgiving: the painter clamps them to sensible
//! ranges, so an author can experiment without breaking the picture.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// The only asset format version this app reads.
pub const PORTRAIT_VERSION: u32 = 1;

/// Everything needed to paint one persona's portrait.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortraitParams {
    /// Format version; must be 1, so later formats are refused with a clear notice.
    pub version: Version,
    /// A short description of the picture for screen readers and tooltips,
    /// for example "A man in his fifties with short grey hair and glasses".
    pub description: String,
    /// Skin tone.
    pub skin: Rgb,
    /// The soft background behind the bust.
    #[serde(default = "default_backdrop")]
    pub backdrop: Rgb,
    /// Which way the person looks when they turn away (withdrawn).
    #[serde(default)]
    pub looks_away: Side,
    #[serde(default)]
    pub face: Face,
    pub eyes: Eyes,
    pub brows: Brows,
    #[serde(default)]
    pub nose: Nose,
    pub mouth: Mouth,
    pub hair: Hair,
    #[serde(default)]
    pub facial_hair: Option<FacialHair>,
    #[serde(default)]
    pub glasses: Option<Glasses>,
    #[serde(default)]
    pub earrings: Option<Earrings>,
    /// A hijab or headscarf; when present it covers the hair and neck.
    #[serde(default)]
    pub headscarf: Option<Headscarf>,
    pub clothing: Clothing,
    /// 0 for none, up to 1 for many freckles across the nose and cheeks.
    #[serde(default)]
    pub freckles: f32,
}

/// The asset format version, checked while parsing so the error carries a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(pub u32);

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = u32::deserialize(deserializer)?;
        if v == PORTRAIT_VERSION {
            Ok(Version(v))
        } else {
            Err(de::Error::custom(format!(
                "portrait format version {v} is not supported; this app reads version {PORTRAIT_VERSION}"
            )))
        }
    }
}

/// An sRGB colour written as `"#rrggbb"` so authors can paste it from any colour picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses `#rrggbb` (the `#` is optional).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#').unwrap_or(text.trim());
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let [r, g, b] = self.0;
        serializer.serialize_str(&format!("#{r:02x}{g:02x}{b:02x}"))
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "\"{text}\" is not a colour; write it as \"#rrggbb\", for example \"#8d5524\""
            ))
        })
    }
}

fn default_backdrop() -> Rgb {
    Rgb([0xe4, 0xe8, 0xec])
}

/// Left or right, as seen by the viewer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    #[default]
    Left,
    Right,
}

impl Side {
    /// -1 for left, +1 for right, for multiplying offsets.
    pub fn sign(self) -> f32 {
        match self {
            Side::Left => -1.0,
            Side::Right => 1.0,
        }
    }
}

/// Head shape and age. Sizes are relative: 1.0 is average.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Face {
    /// Head width (0.85–1.15).
    pub width: f32,
    /// Face length below the eyes (0.85–1.15).
    pub length: f32,
    /// Jaw width at the chin, from narrow (0.55) to square (1.0).
    pub jaw: f32,
    /// Age in years; adds gentle lines from the mid thirties on.
    pub age: u8,
    /// Ear size (0.8–1.2).
    pub ears: f32,
}

impl Default for Face {
    fn default() -> Self {
        Face {
            width: 1.0,
            length: 1.0,
            jaw: 0.75,
            age: 35,
            ears: 1.0,
        }
    }
}

/// Eye colour and shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eyes {
    /// Iris colour.
    pub color: Rgb,
    /// Eye size (0.8–1.2).
    #[serde(default = "one")]
    pub size: f32,
    /// Distance between the eyes (0.9–1.1).
    #[serde(default = "one")]
    pub spacing: f32,
    /// Outer-corner lift, -1 (downturned) to 1 (upturned).
    #[serde(default)]
    pub tilt: f32,
    /// Visibility of the eyelid crease, 0 (monolid) to 1.
    #[serde(default = "one")]
    pub crease: f32,
}

/// Eyebrow colour and shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brows {
    pub color: Rgb,
    /// Thickness (0.5–1.6).
    #[serde(default = "one")]
    pub thickness: f32,
    /// Arch height, 0 (straight) to 1 (high arch).
    #[serde(default = "half")]
    pub arch: f32,
}

/// Nose size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Nose {
    /// Width (0.8–1.3).
    pub width: f32,
    /// Length (0.85–1.2).
    pub length: f32,
}

impl Default for Nose {
    fn default() -> Self {
        Nose {
            width: 1.0,
            length: 1.0,
        }
    }
}

/// Lips.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mouth {
    /// Lip colour, usually a little darker and redder than the skin.
    pub color: Rgb,
    /// Mouth width (0.85–1.15).
    #[serde(default = "one")]
    pub width: f32,
    /// Lip fullness (0.6–1.6).
    #[serde(default = "one")]
    pub lips: f32,
}

/// How the hair is cut or worn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HairStyle {
    /// No hair on top.
    Bald,
    /// Hair on the sides and back, thin on top.
    Receding,
    /// Close-cropped all over.
    Cropped,
    /// Short, with some volume and an optional side part.
    Short,
    /// Tight curls or coils with volume all round.
    Curly,
    /// Chin-length.
    Bob,
    /// Down past the shoulders.
    Long,
    /// Pulled back into a bun.
    Bun,
    /// Long braids or locs.
    Braids,
}

/// Hair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hair {
    pub style: HairStyle,
    pub color: Rgb,
    /// Fullness, 0 (flat) to 1 (big).
    #[serde(default = "half")]
    pub volume: f32,
    /// Where the parting or sweep sits, -1 (viewer's left) to 1 (right); 0 for none.
    #[serde(default)]
    pub part: f32,
    /// Whether hair falls over the forehead.
    #[serde(default)]
    pub fringe: bool,
}

/// Kinds of facial hair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacialHairStyle {
    Stubble,
    Moustache,
    ShortBeard,
    FullBeard,
}

/// A beard, moustache or stubble.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacialHair {
    pub style: FacialHairStyle,
    pub color: Rgb,
}

/// Frame shapes for glasses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GlassesShape {
    Round,
    Rectangular,
}

/// Glasses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glasses {
    pub shape: GlassesShape,
    pub color: Rgb,
}

/// Earring styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EarringStyle {
    Stud,
    Hoop,
}

/// Earrings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earrings {
    pub style: EarringStyle,
    pub color: Rgb,
}

/// A hijab or headscarf that frames the face.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headscarf {
    pub color: Rgb,
}

/// What is visible of the clothes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClothingStyle {
    /// Round neck: a T-shirt or jumper.
    Crew,
    /// V-neck top.
    VNeck,
    /// Shirt with a collar.
    Collar,
    /// Hooded top with drawstrings.
    Hoodie,
    /// Open cardigan or jacket over a top in the accent colour.
    Cardigan,
    /// Zipped fleece or work jacket with a stand-up collar.
    Zip,
}

/// Clothes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clothing {
    pub style: ClothingStyle,
    pub color: Rgb,
    /// The collar, undershirt or trim colour.
    pub accent: Rgb,
}

fn one() -> f32 {
    1.0
}

fn half() -> f32 {
    0.5
}

impl Default for PortraitParams {
    /// A calm, neutral adult used when no asset is available.
    fn default() -> Self {
        PortraitParams {
            version: Version(PORTRAIT_VERSION),
            description: "A person with short dark hair in a plain blue top".into(),
            skin: Rgb([0xc6, 0x8e, 0x67]),
            backdrop: default_backdrop(),
            looks_away: Side::Left,
            face: Face::default(),
            eyes: Eyes {
                color: Rgb([0x4a, 0x33, 0x22]),
                size: 1.0,
                spacing: 1.0,
                tilt: 0.0,
                crease: 1.0,
            },
            brows: Brows {
                color: Rgb([0x33, 0x26, 0x1e]),
                thickness: 1.0,
                arch: 0.4,
            },
            nose: Nose::default(),
            mouth: Mouth {
                color: Rgb([0xa8, 0x66, 0x58]),
                width: 1.0,
                lips: 1.0,
            },
            hair: Hair {
                style: HairStyle::Short,
                color: Rgb([0x2b, 0x22, 0x1c]),
                volume: 0.4,
                part: 0.0,
                fringe: false,
            },
            facial_hair: None,
            glasses: None,
            earrings: None,
            headscarf: None,
            clothing: Clothing {
                style: ClothingStyle::Crew,
                color: Rgb([0x4f, 0x6d, 0x8f]),
                accent: Rgb([0x3f, 0x58, 0x75]),
            },
            freckles: 0.0,
        }
    }
}
