/**
 * The UI's one script (bundled by `npm run build:ui` into src/ui/assets/bundle.generated.ts):
 * what every page does, then the feed's and the editor's parts, each a no-op on other pages.
 */
import { startEditor } from './editor';
import { startFeed } from './feed';
import { startPage } from './page';

startPage();
startFeed();
startEditor();
