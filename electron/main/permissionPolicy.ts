/**
 * Web permissions (camera, microphone, notifications, geolocation, clipboard reads, HID, serial,
 * USB, fullscreen, …): the console needs none, so every check and request is answered no, for every
 * page and frame. Kept as a function so the rule is stated, tested and changed in one place.
 */
export function permissionGranted(_permission: string, _requestingUrl: string): boolean {
  return false;
}
