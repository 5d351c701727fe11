/**
 * The UI's one script (bundled by `npm run build:ui` into src/ui/assets/bundle.generated.ts):
 * what every page does, then the feed's, the editor's, the webhook activity's and the preset
 * picker's parts, each a no-op on other pages.
 */
import { startActivity } from './activity';
import { startEditor } from './editor';
import { startFeed } from './feed';
import { startPage } from './page';
import { startPresetPicker } from './presets';

startPage();
startFeed();
startEditor();
startActivity();
startPresetPicker();
