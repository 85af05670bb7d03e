// The short-lived child process that draws the demo's pictures (drawPictures.ts):
// SVG in, the media library's renditions out. libvips runs its pipelines on
// threads, and glibc gives each thread a malloc arena of its own that it never
// hands back to the system, so drawing in the serving process left it about
// 100 MB larger for the rest of its life; here that memory ends with the child.
import { processUpload } from '../../store/media/mediaFiles.js';
import type { DrawnPicture, PictureDrawerRequest } from './pictureDrawerMessages.js';

process.once('message', (request: PictureDrawerRequest) => {
  void draw(request.svgs).then(
    (pictures) => process.send?.({ ok: true, pictures }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, message: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});

async function draw(svgs: readonly string[]): Promise<DrawnPicture[]> {
  const { default: sharp } = await import('sharp');
  const pictures: DrawnPicture[] = [];
  for (const svg of svgs) {
    const bytes = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
    const processed = await processUpload(bytes, { quick: true });
    if (!processed.ok) throw new Error(`a demo picture was refused: ${processed.message}`);
    pictures.push(processed.image);
  }
  return pictures;
}
