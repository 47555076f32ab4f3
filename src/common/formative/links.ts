/** The formative module's pages others point to (menus, mails, dashboard items). Each feature adds its own. */
export {};
