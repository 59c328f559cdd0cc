import type { Catalog } from '../en.ts';

/** Images in posts: the editor's upload (drop, paste, choose a file) and its errors. */
export const uploadsEn = {
  'upload.add': 'Add an image',
  'upload.file': 'Image file',
  'upload.hint': 'PNG, JPEG, WebP or GIF, at most 5 MB. Drop or paste it into the text, or choose a file.',
  'upload.alt': 'Describe the image',
  'upload.altHint': 'For people who cannot see it, e.g. “Error message after saving”.',
  'upload.insert': 'Insert image',
  'upload.cancel': 'Cancel',
  'upload.uploading': 'Uploading {name} … {percent} %',
  'upload.ready': '{name} is uploaded. Describe it and insert it.',
  'upload.inserted': 'Image inserted.',
  'upload.dropHere': 'Drop the image to upload it',
  'upload.defaultAlt': 'Screenshot',
  'err.image.required': 'Choose an image to upload.',
  'err.image.not_an_image': 'This file is not an image: choose a PNG, JPEG, WebP or GIF.',
  'err.image.too_large': 'The image is too big: it may be at most 5 MB.',
  'err.image.too_many_pixels': 'The image has too many pixels: use one of at most 40 megapixels.',
  'err.image.invalid': 'The image could not be uploaded. Try again.',
  'err.image.signIn': 'Sign in to add images.',
};

export const uploadsDe: Catalog<typeof uploadsEn> = {
  'upload.add': 'Bild hinzufügen',
  'upload.file': 'Bilddatei',
  'upload.hint': 'PNG, JPEG, WebP oder GIF, höchstens 5 MB. Ziehe es in den Text, füge es ein oder wähle eine Datei.',
  'upload.alt': 'Beschreibe das Bild',
  'upload.altHint': 'Für Menschen, die es nicht sehen können, z. B. „Fehlermeldung nach dem Speichern“.',
  'upload.insert': 'Bild einfügen',
  'upload.cancel': 'Abbrechen',
  'upload.uploading': '{name} wird hochgeladen … {percent} %',
  'upload.ready': '{name} ist hochgeladen. Beschreibe es und füge es ein.',
  'upload.inserted': 'Bild eingefügt.',
  'upload.dropHere': 'Bild hier ablegen, um es hochzuladen',
  'upload.defaultAlt': 'Screenshot',
  'err.image.required': 'Wähle ein Bild zum Hochladen.',
  'err.image.not_an_image': 'Diese Datei ist kein Bild: Wähle ein PNG, JPEG, WebP oder GIF.',
  'err.image.too_large': 'Das Bild ist zu groß: Es darf höchstens 5 MB haben.',
  'err.image.too_many_pixels': 'Das Bild hat zu viele Pixel: Nimm eines mit höchstens 40 Megapixeln.',
  'err.image.invalid': 'Das Bild konnte nicht hochgeladen werden. Versuche es noch einmal.',
  'err.image.signIn': 'Melde dich an, um Bilder hinzuzufügen.',
};
