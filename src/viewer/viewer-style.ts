/** The viewer page's stylesheet (inlined in the page's <style>). */
export const VIEWER_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2430;background:#fafafa}
body{display:grid;grid-template-columns:230px 1fr auto;grid-template-rows:auto 1fr;grid-template-areas:"bar bar bar" "side canvas panel";overflow:hidden}
#ng-bar{grid-area:bar;display:flex;align-items:center;gap:16px;padding:8px 12px;background:#1d2430;color:#fff}
#ng-bar h1{font-size:15px;margin:0;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:40vw}
#ng-stats{margin-left:auto;opacity:.75;font-size:12px}
#ng-search-box{position:relative;width:320px}
#ng-search{width:100%;padding:6px 10px;border-radius:4px;border:1px solid #8893a5;font:inherit}
#ng-suggestions{position:absolute;z-index:10;top:100%;left:0;right:0;margin:2px 0 0;padding:0;list-style:none;background:#fff;color:#1d2430;border:1px solid #c5cad3;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.15);max-height:320px;overflow:auto}
#ng-suggestions li{padding:5px 10px;cursor:pointer;display:flex;gap:8px;align-items:center}
#ng-suggestions li[aria-selected=true],#ng-suggestions li:hover{background:#e8eefb}
#ng-suggestions .ng-kind{margin-left:auto;font-size:11px;color:#667}
#ng-side{grid-area:side;overflow:auto;padding:10px 12px;border-right:1px solid #dde1e7;background:#fff}
#ng-side h2{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#556;margin:10px 0 6px}
#ng-side ul{list-style:none;margin:0;padding:0}
#ng-side li label{display:flex;align-items:center;gap:6px;padding:2px 0;cursor:pointer}
#ng-side .ng-count{margin-left:auto;color:#778;font-size:11px}
#ng-side .ng-hint{color:#778;font-size:11px;margin-top:14px}
#ng-dates label{display:block;font-size:12px;margin:3px 0}#ng-dates input{font:inherit;font-size:12px}
.ng-dot{display:inline-block;width:11px;height:11px;border-radius:50%;flex:none}
.ng-bar{display:inline-block;width:16px;height:4px;border-radius:2px;flex:none}
#ng-canvas{grid-area:canvas;position:relative;min-width:0;min-height:0;background:#fff}
#ng-panel{grid-area:panel;width:380px;overflow:auto;border-left:1px solid #dde1e7;background:#fff;padding:12px 14px;position:relative}
#ng-panel[hidden]{display:none}
#ng-close{position:absolute;top:8px;right:8px;border:0;background:none;font-size:18px;cursor:pointer;color:#667}
#ng-panel h2{font-size:17px;margin:0 24px 2px 0}
#ng-panel h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#556;margin:16px 0 6px;border-bottom:1px solid #eee;padding-bottom:3px}
#ng-panel .ng-kind{font-size:12px;color:#556;display:flex;align-items:center;gap:6px}
#ng-panel .ng-facts{margin:6px 0;color:#334}
#ng-panel .ng-facts div{margin:2px 0}
#ng-panel ol{list-style:none;margin:0;padding:0}
#ng-panel li.ng-item{margin:0 0 10px;padding:6px 8px;background:#f5f7fa;border-radius:4px}
#ng-panel blockquote{margin:0 0 4px;font-style:italic}
#ng-panel .ng-evidence{margin:3px 0;color:#333;font-style:italic}
#ng-panel .ng-meta{font-size:11px;color:#667}
#ng-panel .ng-type{font-weight:600;font-size:11px;padding:1px 5px;border-radius:3px;color:#fff}
#ng-panel .ng-link{border:0;background:none;padding:0;font:inherit;color:#2457b3;cursor:pointer;text-decoration:underline;text-align:left}
#ng-panel .ng-more{color:#778;font-size:11px}
`;
